package org.metriclifecycle.query.team;

import static org.metriclifecycle.query.team.TeamFixtures.T0;
import static org.metriclifecycle.query.team.TeamFixtures.blindSpot;
import static org.metriclifecycle.query.team.TeamFixtures.correlation;
import static org.metriclifecycle.query.team.TeamFixtures.day;
import static org.metriclifecycle.query.team.TeamFixtures.fold;
import static org.metriclifecycle.query.team.TeamFixtures.linked;
import static org.metriclifecycle.query.team.TeamFixtures.proposed;

import java.util.List;

import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.Verdict;

/** A review whose texts carry everything a document format has to survive: commas, quotes, line breaks, formulas. */
final class ReviewDocuments {

    static final String TRICKY_NAME = "answers, \"quoted\"\nand a second line | with a pipe";
    static final String FORMULA_OWNER = "=HYPERLINK(\"http://evil\",\"click\")";

    private ReviewDocuments() {
    }

    static TeamReview review() {
        ReviewRules rules = new ReviewRules(TeamFixtures.INTERVAL);
        return new TeamReview("search", day(30), TeamFixtures.INTERVAL, List.of(
                rules.review(fold(proposed("m-1", TRICKY_NAME, "search", FORMULA_OWNER, T0), linked("m-1", "h1"),
                        new HypothesisLinked("m-1", "h2", "churn", "-1 point of this means +2% churn, sadly",
                                Direction.NEGATIVE, 0.5, 100),
                        correlation("m-1", "c1", "h1", 0.8, Verdict.SUPPORTED, day(25)),
                        correlation("m-1", "c2", "h2", -0.65, Verdict.SUPPORTED, day(26)),
                        blindSpot("m-1", "b1", "@import of bad data", day(27)),
                        blindSpot("m-1", "b2", "tone", day(28))), day(30)),
                rules.review(fold(proposed("m-2", "plain metric", "search", "lena", day(1))), day(30))));
    }
}
