package org.metriclifecycle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * B1 chains its events as the service does. The expected values were computed by the service's own
 * {@code org.metriclifecycle.deploy.audit.EventHash.of} over the same fields.
 */
class ChainHashTest {

    private static final byte[] PAYLOAD = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] META_DATA = "{\"actor\":\"ada\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void firstEventChainsFromTheGenesisHash() {
        EventRow row = new EventRow("m-1", 0, "MetricAggregate", "e-1", META_DATA, PAYLOAD, "2", "org.x.E",
                "2026-11-22T04:59:49.885Z");

        assertEquals("f5a30dd6633f7cb957b43e68e7c62450409e4805d3265d3443e4bf27519d51be",
                ChainHash.of(ChainHash.GENESIS, row));
    }

    @Test
    void aNullRevisionIsFramedApartFromAnEmptyOne() {
        EventRow row = new EventRow("m-1", 1, "MetricAggregate", "e-2", META_DATA, PAYLOAD, null, "org.x.E",
                "2026-11-22T04:59:49.885Z");

        assertEquals("f498632092ebe3761263d95a751ca64187e296ba88eaf9b5c30db7c66d5e13bc",
                ChainHash.of("ab".repeat(32), row));
    }
}
