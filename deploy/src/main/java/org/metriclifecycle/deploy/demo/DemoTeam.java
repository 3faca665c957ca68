package org.metriclifecycle.deploy.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.metriclifecycle.command.metric.ConcludeShadowCheck;
import org.metriclifecycle.command.metric.DeprecateMetric;
import org.metriclifecycle.command.metric.LinkHypothesis;
import org.metriclifecycle.command.metric.OpenShadowCheck;
import org.metriclifecycle.command.metric.ProposeMetric;
import org.metriclifecycle.command.metric.RecordBlindSpot;
import org.metriclifecycle.command.metric.RecordCorrelation;
import org.metriclifecycle.command.metric.ReviseDefinition;
import org.metriclifecycle.command.team.ScheduleRotation;
import org.metriclifecycle.command.team.SetCoreMetricLimit;
import org.metriclifecycle.command.team.SetTeamRoster;
import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.deploy.axon.UnitOfWorkClock;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.RotationPeriod;
import org.metriclifecycle.events.ScoreDelta;

import io.quarkus.runtime.StartupEvent;

/**
 * {@code -Dmetrics.demo=true}: on an empty database, team {@code search} (the one the built-in users belong to) with
 * three months of history, so a newcomer's first look is a living board: a metric in each of the six statuses,
 * evidence over several periods, a shadow-check track record, a revision with its score deltas, a blind spot, a
 * roster and a rotation. Everything goes through the ordinary commands, so the events, their hash chain, the views
 * and the deadlines are the real thing; each step runs at the instant it happens in the story, and the deadlines
 * that fell due in the story's past (a link window, a shadow check's observation) fire as soon as the service runs.
 * A database that holds any event is left alone.
 */
@Singleton
public class DemoTeam {

    private static final Logger LOG = Logger.getLogger(DemoTeam.class);
    static final String TEAM = "search";
    private static final String PIPELINE_SOURCE = "support-eval-pipeline";

    private final boolean enabled;
    private final CommandGateway commands;
    private final ActiveDatabase database;
    private final Clock clock;

    @Inject
    DemoTeam(@ConfigProperty(name = "metrics.demo", defaultValue = "false") boolean enabled, CommandGateway commands,
             ActiveDatabase database, Clock clock) {
        this.enabled = enabled;
        this.commands = commands;
        this.database = database;
        this.clock = clock;
    }

    /** After the Axon runtime has started (its observer runs at the default priority). */
    void load(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent started) {
        if (!enabled) {
            return;
        }
        if (!storeIsEmpty()) {
            LOG.info("metrics.demo: the database already holds events, so no demo team was loaded");
            return;
        }
        new Story(clock.instant().truncatedTo(ChronoUnit.SECONDS)).tell();
        LOG.infof("metrics.demo: loaded the demo team '%s' (sign in as lena, carl or pipe; password = name)", TEAM);
    }

    private boolean storeIsEmpty() {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1 FROM domain_event_entry FETCH FIRST 1 ROWS ONLY")) {
            return !rows.next();
        } catch (SQLException e) {
            throw new IllegalStateException("metrics.demo: cannot tell whether the database is empty", e);
        }
    }

    /** Ids derived from names, so the same story always has the same ids (and a second loader collides, not duplicates). */
    static String id(String name) {
        return UUID.nameUUIDFromBytes(("metric-lifecycle-demo:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /** The demo's three months, each step at its own instant, in the order they happen. */
    private final class Story {

        private final Instant now;

        Story(Instant now) {
            this.now = now;
        }

        private Instant daysAgo(int days) {
            return now.minus(Duration.ofDays(days));
        }

        private LocalDate dayAgo(int days) {
            return LocalDate.ofInstant(daysAgo(days), ZoneOffset.UTC);
        }

        private void at(int daysAgo, String actor, String reason, Object command) {
            Map<String, Object> metaData = new HashMap<>();
            metaData.put(EventMetadata.ACTOR, actor);
            if (reason != null) {
                metaData.put(EventMetadata.REASON, reason);
            }
            UnitOfWorkClock.pretending(daysAgo(daysAgo), () -> commands.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(metaData)));
        }

        private void correlate(int daysAgo, String metric, String hypothesis, double r, int n, int fromDaysAgo,
                               int toDaysAgo) {
            at(daysAgo, "pipe", null, new RecordCorrelation(metric, UUID.randomUUID().toString(), hypothesis, r, n,
                    dayAgo(fromDaysAgo), dayAgo(toDaysAgo), CorrelationMethod.PEARSON, PIPELINE_SOURCE));
        }

        void tell() {
            String grounded = id("groundedness");
            String keyword = id("keyword-overlap");
            String bleu = id("bleu");
            String length = id("answer-length");
            String hallucination = id("hallucination-rate");
            String thumbs = id("thumbs-up");
            String wrongAnswers = id("groundedness/wrong-answers");
            String csat = id("groundedness/csat");
            String keywordCsat = id("keyword-overlap/csat");
            String bleuCompletion = id("bleu/completion");
            String lengthCsat = id("answer-length/csat");
            String hallucinationErrors = id("hallucination-rate/errors");

            at(86, "lena", "the support squad as of the quarter's planning",
                    new SetTeamRoster(TEAM, List.of("lena", "carl", "pipe")));
            at(86, "lena", "six core evals is what the squad can review each quarter",
                    new SetCoreMetricLimit(TEAM, 6));

            at(85, "carl", null, new ProposeMetric(grounded, "Groundedness of support answers",
                    "Share of answer sentences an LLM judge finds supported by the retrieved articles.", TEAM, "lena",
                    "1.0", "English support chat", "Unsupported claims are what customers report as wrong answers.",
                    null, null));
            at(85, "carl", null, new ProposeMetric(keyword, "Keyword overlap with reference answers",
                    "Token overlap between the answer and the curated reference answer.", TEAM, "carl", "1.0",
                    "English support chat", "Cheap to compute on every release.", null, null));
            at(84, "carl", null, new LinkHypothesis(grounded, wrongAnswers, "user-reported wrong answers",
                    "Sessions with higher groundedness get fewer wrong-answer reports (r <= -0.3 over >= 500 sessions).",
                    Direction.NEGATIVE, 0.3, 500));
            at(84, "carl", null, new LinkHypothesis(grounded, csat, "CSAT after the chat",
                    "Higher groundedness goes with higher satisfaction scores (r >= 0.2 over >= 300 sessions).",
                    Direction.POSITIVE, 0.2, 300));
            at(84, "carl", null, new LinkHypothesis(keyword, keywordCsat, "CSAT after the chat",
                    "Answers closer to the reference satisfy more (r >= 0.3 over >= 300 sessions).",
                    Direction.POSITIVE, 0.3, 300));

            at(60, "carl", null, new ProposeMetric(bleu, "BLEU against reference answers",
                    "Corpus BLEU of the answers against the reference set.", TEAM, "carl", "1.0",
                    "English support chat", "The research team reports it.", null, null));
            at(59, "carl", null, new LinkHypothesis(bleu, bleuCompletion, "tasks completed without an agent",
                    "Higher BLEU means more chats end without a hand-off (r >= 0.4 over >= 500 sessions).",
                    Direction.POSITIVE, 0.4, 500));

            correlate(50, grounded, wrongAnswers, -0.52, 1800, 80, 51);
            correlate(49, keyword, keywordCsat, 0.11, 2400, 79, 50);
            at(45, "lena", "refuted: keyword overlap does not track satisfaction",
                    new DeprecateMetric(keyword, "Refuted over 2,400 sessions; groundedness covers what it meant to.",
                            grounded));

            String reranker = id("shadow/reranker-v2");
            at(40, "carl", null, new OpenShadowCheck(grounded, reranker, "retrieval re-ranker v2", 0.04, wrongAnswers,
                    Duration.ofDays(7)));
            at(34, "pipe", null, new ConcludeShadowCheck(grounded, reranker, -0.6, 12000,
                    "wrong-answer reports fell 0.6 points"));
            at(30, "carl", "the judge prompt now says what partial support is",
                    new ReviseDefinition(grounded, "1.1", "Judge prompt clarifies partial support.",
                            "English support chat", List.of(new ScoreDelta("baseline", 0.81, 0.79),
                            new ScoreDelta("candidate", 0.84, 0.83))));
            String shorter = id("shadow/shorter-answers");
            at(25, "carl", null, new OpenShadowCheck(grounded, shorter, "shorter-answers prompt", 0.03, wrongAnswers,
                    Duration.ofDays(3)));
            at(23, "pipe", null, new ConcludeShadowCheck(grounded, shorter, 0.2, 9000,
                    "wrong-answer reports rose: shorter answers dropped caveats"));

            correlate(20, grounded, wrongAnswers, -0.48, 2100, 50, 21);
            correlate(20, grounded, csat, 0.31, 900, 50, 21);
            at(20, "carl", null, new ProposeMetric(length, "Answer length",
                    "Median number of tokens in an answer.", TEAM, "lena", "1.0", "English support chat",
                    "Longer answers might be more thorough.", null, null));
            at(20, "carl", null, new LinkHypothesis(length, lengthCsat, "CSAT after the chat",
                    "Longer answers satisfy more (r >= 0.3 over >= 300 sessions).", Direction.POSITIVE, 0.3, 300));

            at(15, "carl", null, new OpenShadowCheck(grounded, id("shadow/citations"), "citation formatting", 0.01,
                    wrongAnswers, Duration.ofDays(2)));
            at(10, "carl", null, new ProposeMetric(hallucination, "Hallucination rate on support answers",
                    "Share of answers with a claim found in no retrieved article.", TEAM, "carl", "1.0",
                    "English support chat", "Support agents flag invented policies as the worst failure.", null,
                    null));
            at(10, "lena", null, new RecordBlindSpot(grounded, id("blind-spot/refusals"), "confident refusals",
                    "Answers that refuse politely and cite nothing score as grounded, yet customers escalate them.",
                    "INC-2291"));
            at(9, "carl", null, new LinkHypothesis(hallucination, hallucinationErrors, "user-reported errors",
                    "More hallucinations, more error reports (r >= 0.5 over >= 500 sessions).", Direction.POSITIVE,
                    0.5, 500));
            correlate(5, length, lengthCsat, 0.02, 5000, 19, 6);
            correlate(3, hallucination, hallucinationErrors, 0.58, 150, 9, 4);
            correlate(3, grounded, wrongAnswers, -0.50, 1500, 20, 4);
            at(2, "lena", null, new ProposeMetric(thumbs, "Thumbs-up rate", "Share of chats rated thumbs-up.", TEAM,
                    "lena", "1.0", "English support chat", "Direct signal from users.", null, null));
            at(1, "carl", null, new OpenShadowCheck(grounded, id("shadow/new-index"), "new retrieval index", 0.02,
                    wrongAnswers, Duration.ofHours(72)));
            at(1, "lena", "fresh eyes on every eval each fortnight",
                    new ScheduleRotation(TEAM, id("rotation/fortnightly"), List.of("lena", "carl"),
                            RotationPeriod.parse("P2W"), now.plus(Duration.ofDays(6))));
        }
    }
}
