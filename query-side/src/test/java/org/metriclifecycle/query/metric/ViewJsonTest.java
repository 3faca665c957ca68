package org.metriclifecycle.query.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metriclifecycle.query.metric.TestEvents.T0;
import static org.metriclifecycle.query.metric.TestEvents.correlation;
import static org.metriclifecycle.query.metric.TestEvents.day;
import static org.metriclifecycle.query.metric.TestEvents.linked;
import static org.metriclifecycle.query.metric.TestEvents.proposed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.ScoreDelta;
import org.metriclifecycle.events.Verdict;

/** The views are the API's JSON: their field names are the contract, and stored documents must read back equal. */
class ViewJsonTest {

    private final ObjectMapper json = ViewJson.mapper();

    private static MetricView validated() {
        MetricView view = MetricViewFold.apply(null, proposed("m-1", T0));
        view = MetricViewFold.apply(view, linked("m-1", "h1"));
        return MetricViewFold.apply(view, correlation("m-1", "c1", "h1", Verdict.SUPPORTED, day(2)));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aMetricViewCarriesExactlyTheApiFields() {
        JsonNode tree = json.valueToTree(validated());

        assertThat(names(tree)).containsExactly("metricId", "name", "description", "team", "owner", "version",
                "validFor", "rationale", "status", "proposedAt", "linkDeadline", "revalidationDue",
                "deprioritizedAt", "deprecatedAt", "deprecationReason", "replacedBy", "hypotheses", "evidenceVersion",
                "lastSupportedAt", "blindSpots", "revisions", "nextOwner", "nextHandoffAt", "trackRecord", "replaces");
        JsonNode hypothesis = tree.get("hypotheses").get(0);
        assertThat(names(hypothesis)).containsExactly("hypothesisId", "outcome", "statement", "direction",
                "minCorrelation", "minSampleSize", "status", "latestCorrelation", "pooled", "decisionRule", "confidence",
                "samplesNeeded");
        assertThat(names(hypothesis.get("latestCorrelation"))).containsExactly("correlationId", "coefficient",
                "sampleSize", "periodStart", "periodEnd", "method", "verdict", "recordedAt", "source",
                "definitionVersion", "interval", "counted");
    }

    @Test
    void instantsAndDatesAreIsoText() throws Exception {
        String text = json.writeValueAsString(validated());

        assertThat(text).contains("\"proposedAt\":\"2026-01-01T00:00:00.000Z\"")
                .contains("\"periodStart\":\"2026-01-01\"")
                .contains("\"status\":\"VALIDATED\"");
    }

    @Test
    void aViewDocumentReadsBackEqual() throws Exception {
        MetricView view = validated();

        assertThat(json.readValue(json.writeValueAsString(view), MetricView.class)).isEqualTo(view);
    }

    @Test
    void historyChangesReadBackEqualAndInOrder() throws Exception {
        MetricView before = MetricViewFold.apply(MetricViewFold.apply(null, proposed("m-1", T0)),
                linked("m-1", "h1"));
        HistoryEntry entry = HistoryEntry.of(2, correlation("m-1", "c1", "h1", Verdict.SUPPORTED, day(2)), day(2),
                Map.of("actor", "pipe"), before, validated());

        HistoryEntry read = json.readValue(json.writeValueAsString(entry), HistoryEntry.class);

        assertThat(read).isEqualTo(entry);
        assertThat(read.changes().keySet()).containsExactlyElementsOf(entry.changes().keySet());
        assertThat(json.writeValueAsString(entry)).contains(
                "\"changes\":{\"status\":{\"before\":\"LINKED\",\"after\":\"VALIDATED\"}");
    }

    @Test
    void theDocumentTheProjectionWritesIsTheViewsJson() throws Exception {
        // The projection serializes a view once, for the row's document and the diff's leaves together.
        MetricView view = MetricViewFold.apply(validated(),
                TestEvents.revised("m-1", "1.0", "1.1", day(3), new ScoreDelta("baseline", 0.41, null)));
        view = MetricViewFold.apply(view, TestEvents.blindSpot("m-1", "b1", day(4)));
        view = MetricViewFold.apply(view, EvidenceViewTest.windowed("c2", 1200, java.time.LocalDate.of(2026, 1, 31),
                "1.1", null, EvidenceViewTest.windowFrom(java.time.LocalDate.of(2026, 1, 31)), day(5)));
        view = view.withNextHandoff("lena", day(7));

        assertThat(ViewDiff.serialize(view).document()).isEqualTo(json.writeValueAsString(view));
    }

    @Test
    void revisionsAndBlindSpotsCarryTheirApiFieldsAndReadBackEqual() throws Exception {
        MetricView view = MetricViewFold.apply(validated(),
                TestEvents.revised("m-1", "1.0", "1.1", day(3), new ScoreDelta("baseline", 0.41, null)));
        view = MetricViewFold.apply(view, TestEvents.blindSpot("m-1", "b1", day(4)));
        view = view.withNextHandoff("lena", day(7));
        JsonNode tree = json.valueToTree(view);

        assertThat(names(tree.get("revisions").get(0))).containsExactly("previousVersion", "version", "changeNote",
                "previousValidFor", "validFor", "deltas", "major", "revisedAt");
        assertThat(names(tree.get("revisions").get(0).get("deltas").get(0))).containsExactly("subject", "before",
                "after");
        assertThat(names(tree.get("blindSpots").get(0))).containsExactly("blindSpotId", "failureMode",
                "description", "incidentRef", "recordedAt");
        assertThat(tree.get("nextHandoffAt").textValue()).isEqualTo("2026-01-08T00:00:00.000Z");
        assertThat(json.readValue(json.writeValueAsString(view), MetricView.class)).isEqualTo(view);
    }

    @Test
    void aDocumentStoredBeforeTheGovernanceFieldsReadsWithEmptyLists() throws Exception {
        ObjectNode old = json.valueToTree(validated());
        for (String added : List.of("evidenceVersion", "lastSupportedAt", "blindSpots", "revisions", "nextOwner",
                "nextHandoffAt")) {
            old.remove(added);
        }

        MetricView read = json.readValue(json.writeValueAsString(old), MetricView.class);

        assertThat(read.blindSpots()).isEmpty();
        assertThat(read.revisions()).isEmpty();
        assertThat(read.evidenceVersion()).isNull();
    }

    @Test
    void durationsAreIsoTextAndReadBack() throws Exception {
        assertThat(json.writeValueAsString(Duration.ofDays(14))).isEqualTo("\"PT336H\"");
        assertThat(json.readValue("\"PT336H\"", Duration.class)).isEqualTo(Duration.ofDays(14));
        assertThat(json.readValue("\"P14D\"", Duration.class)).isEqualTo(Duration.ofDays(14));
    }
}
