package org.metriclifecycle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.Verdict;

/**
 * The rows the bench loads must be the rows the service writes. The expected texts were first read from
 * {@code domain_event_entry} after the packaged service (PostgreSQL) handled the same commands; since the evidence
 * rules (HypothesisLinked revision 3, CorrelationRecorded revision 2) they carry the new fields, here with the values
 * the bench's old-style events have (a POINT hypothesis, a correlation without interval or pool).
 */
class StoredEventsTest {

    private static final String METRIC = "15d5001d-795b-4de5-b4c2-1430c786dfda";
    private static final String HYPOTHESIS = "1fd335bf-f990-4bd3-80a5-5b019e43717a";

    @Test
    void hypothesisIsStoredAsTheServiceStoresIt() {
        EventRow row = StoredEvents.metricEvent(new HypothesisLinked(METRIC, HYPOTHESIS, "o", "s", Direction.POSITIVE,
                0.5, 100), 1, Instant.parse("2026-11-22T04:59:49.885Z"), "ada", "why");

        assertEquals("{\"metricId\":\"" + METRIC + "\",\"hypothesisId\":\"" + HYPOTHESIS + "\",\"outcome\":\"o\","
                + "\"statement\":\"s\",\"criteria\":{\"direction\":\"POSITIVE\",\"minCorrelation\":0.5,"
                + "\"minSampleSize\":100},\"decisionRule\":\"POINT\",\"confidence\":0.95}", text(row.payload()));
        assertEquals("3", row.payloadRevision());
        assertEquals("org.metriclifecycle.events.HypothesisLinked", row.payloadType());
        assertEquals("MetricAggregate", row.type());
        assertEquals("2026-11-22T04:59:49.885Z", row.timeStamp());
        assertEquals(METRIC, row.aggregateIdentifier());
    }

    @Test
    void correlationIsStoredAsTheServiceStoresIt() {
        Instant at = Instant.parse("2026-11-22T04:59:49.979Z");
        EventRow row = StoredEvents.metricEvent(new CorrelationRecorded(METRIC, "0bacb4b0-4da8-4111-9476-8ff000a1af7f",
                HYPOTHESIS, 0.3, 50, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"),
                CorrelationMethod.PEARSON, "bench", "1.0", Verdict.INCONCLUSIVE, at, null), 2, at, "ada", null);

        assertEquals("{\"metricId\":\"" + METRIC + "\",\"correlationId\":\"0bacb4b0-4da8-4111-9476-8ff000a1af7f\","
                + "\"hypothesisId\":\"" + HYPOTHESIS + "\",\"coefficient\":0.3,\"sampleSize\":50,"
                + "\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2026-01-31\",\"method\":\"PEARSON\","
                + "\"source\":\"bench\",\"definitionVersion\":\"1.0\",\"verdict\":\"INCONCLUSIVE\","
                + "\"recordedAt\":\"2026-11-22T04:59:49.979Z\",\"revalidationDue\":null,\"interval\":null,"
                + "\"supersedes\":null,\"hypothesisStatus\":null,\"pooled\":null,\"counted\":null,\"countedSince\":null}",
                text(row.payload()));
        assertEquals("3", row.payloadRevision());
    }

    @Test
    void metadataCarriesActorAndCorrelation() throws Exception {
        EventRow row = StoredEvents.metricEvent(new HypothesisLinked(METRIC, HYPOTHESIS, "o", "s", Direction.POSITIVE,
                0.5, 100), 1, Instant.parse("2026-11-22T04:59:49Z"), "ada", "why");

        var metaData = StoredEvents.decodeMetaData(row.metaData());
        assertEquals("ada", metaData.get("actor"));
        assertEquals("why", metaData.get("reason"));
        assertEquals(metaData.get("traceId"), metaData.get("correlationId"));
        // Axon writes milliseconds even when they are zero.
        assertEquals("2026-11-22T04:59:49.000Z", row.timeStamp());
    }

    @Test
    void storedPayloadsDecodeIntoTheEventRecords() throws Exception {
        EventRow row = SyntheticMetrics.correlation(METRIC, HYPOTHESIS, 4, Instant.parse("2026-03-01T10:00:00Z"));

        CorrelationRecorded event = (CorrelationRecorded) StoredEvents.decode(row.payloadType(), row.payload());
        assertEquals(Verdict.SUPPORTED, event.verdict());
        assertEquals(Instant.parse("2026-05-30T10:00:00Z"), event.revalidationDue());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
