package org.metriclifecycle.query.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReviewMarkdownTest {

    private final TeamReview review = ReviewDocuments.review();
    private final String markdown = ReviewMarkdown.render(review);
    private final List<String> lines = Arrays.asList(markdown.split("\n"));

    @Test
    void startsWithAHeadingAndASummaryLine() {
        assertThat(lines.get(0)).isEqualTo("# Metric review: search");
        assertThat(lines.get(2)).isEqualTo("Generated 2026-01-31T00:00:00.000Z for 2 active metrics"
                + " (revalidation interval 90 days): 1 PENDING, 1 KEEP, 0 REVALIDATE, 0 REMOVE_CANDIDATE.");
    }

    @Test
    void hasOneTableRowPerMetricWithVerdictAndWhy() {
        List<String> rows = lines.stream().filter(line -> line.startsWith("| ")).toList();

        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).isEqualTo("| Metric | Owner | Status | Version | Verdict | Why |");
        assertThat(rows.get(2)).contains("(m-1)").contains("| KEEP |").contains(review.metrics().get(0).why());
        // Proposed inside its link window: PENDING (it used to be a REMOVE_CANDIDATE from its first minute).
        assertThat(rows.get(3)).startsWith("| plain metric (m-2) | lena | PROPOSED | 1.0 | PENDING | ")
                .endsWith(review.metrics().get(1).why() + " |");
    }

    @Test
    void userTextStaysInItsCellAndCannotBecomeMarkup() {
        String row = lines.stream().filter(line -> line.contains("(m-1) |")).findFirst().orElseThrow();

        assertThat(row).startsWith("| answers, \"quoted\" and a second line \\| with a pipe (m-1) | ");
        assertThat(row.split("(?<!\\\\)\\|", -1)).hasSize(8);
        assertThat(markdown).doesNotContain("\nand a second line");
        assertThat(ReviewMarkdown.text("<script>*x*</script> [a](b)"))
                .isEqualTo("\\<script\\>\\*x\\*\\</script\\> \\[a\\](b)");
    }

    @Test
    void detailsEachMetricsHypothesesCriteriaEvidenceAndBlindSpots() {
        assertThat(markdown)
                .contains("## plain metric (m-2)")
                .contains("- Verdict: **KEEP**: ")
                .contains("- **user-reported errors** (h1), SUPPORTED: the metric correlates with reported errors")
                .contains("  - Criteria: POSITIVE correlation, |r| >= 0.7 over at least 500 samples")
                .contains("  - Criteria: NEGATIVE correlation, |r| >= 0.5 over at least 100 samples")
                .contains("  - Latest evidence: r = -0.65, n = 600, 2026-01-01 to 2026-01-31, PEARSON, SUPPORTED,"
                        + " no interval, counted, recorded 2026-01-27 against version 1.0 by eval-pipeline")
                .contains("; decision rule POINT at confidence 0.95")
                .contains("  - Pooled evidence: none counted")
                .contains("- Track record: 0 open, 0 confirmed, 0 diverged, 0 expired; false-positive rate none yet;"
                        + " last confirmed never")
                .contains("- **@import of bad data** (b1, recorded 2026-01-28, incident INC-1): it did not notice")
                .contains("None linked.")
                .contains("None recorded.");
        for (ReviewEntry entry : review.metrics()) {
            assertThat(markdown).contains("(" + entry.metricId() + ")");
        }
    }
}
