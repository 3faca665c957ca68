package org.metriclifecycle.deploy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The chain's hash function: pinned, framed field by field, and sensitive to every field. */
class AuditTrailHashTest {

    private static final byte[] PAYLOAD = bytes("{\"name\":\"x\"}");
    private static final byte[] META = bytes("{\"actor\":\"ada\"}");
    private static final String TYPE = "org.example.MetricProposed";
    private static final String TIME = "2026-01-01T00:00:00Z";

    @Test
    void matchesTheEncodingTheReadmeDocuments() {
        // Computed independently (Python hashlib over the framing EventHash documents), so an auditor's own
        // implementation can be checked against the same value.
        assertThat(EventHash.of(EventHash.GENESIS, "m-1", 0, TYPE, null, PAYLOAD, META, TIME))
                .isEqualTo("cc8f1cb3df032794659d88b5fee3364d31b449a5a1369b1942aeb394b4d7b5d1");
    }

    @Test
    void isLowercaseHexOf64Characters() {
        assertThat(EventHash.GENESIS).hasSize(64).matches("0+");
        assertThat(hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void everyFieldChangesTheHash() {
        String base = hash();
        assertThat(EventHash.of("1".repeat(64), "m-1", 0, TYPE, null, PAYLOAD, META, TIME)).isNotEqualTo(base);
        assertThat(EventHash.of(EventHash.GENESIS, "m-2", 0, TYPE, null, PAYLOAD, META, TIME)).isNotEqualTo(base);
        assertThat(EventHash.of(EventHash.GENESIS, "m-1", 1, TYPE, null, PAYLOAD, META, TIME)).isNotEqualTo(base);
        assertThat(EventHash.of(EventHash.GENESIS, "m-1", 0, TYPE + "2", null, PAYLOAD, META, TIME)).isNotEqualTo(base);
        assertThat(EventHash.of(EventHash.GENESIS, "m-1", 0, TYPE, "1", PAYLOAD, META, TIME)).isNotEqualTo(base);
        assertThat(EventHash.of(EventHash.GENESIS, "m-1", 0, TYPE, null, bytes("{\"name\":\"y\"}"), META, TIME))
                .isNotEqualTo(base);
        assertThat(EventHash.of(EventHash.GENESIS, "m-1", 0, TYPE, null, PAYLOAD, bytes("{}"), TIME))
                .isNotEqualTo(base);
        assertThat(EventHash.of(EventHash.GENESIS, "m-1", 0, TYPE, null, PAYLOAD, META, "2026-01-01T00:00:01Z"))
                .isNotEqualTo(base);
    }

    @Test
    void fieldsCannotRunIntoEachOther() {
        // Same concatenated bytes, different split between payload and metadata.
        assertThat(EventHash.of(EventHash.GENESIS, "m-1", 0, TYPE, null, bytes("ab"), bytes("c"), TIME))
                .isNotEqualTo(EventHash.of(EventHash.GENESIS, "m-1", 0, TYPE, null, bytes("a"), bytes("bc"), TIME));
        assertThat(EventHash.of(EventHash.GENESIS, "m-1", 10, TYPE, null, PAYLOAD, META, TIME))
                .isNotEqualTo(EventHash.of(EventHash.GENESIS, "m-11", 0, TYPE, null, PAYLOAD, META, TIME));
    }

    @Test
    void nullIsNotEmpty() {
        assertThat(EventHash.of(EventHash.GENESIS, "m-1", 0, TYPE, "", PAYLOAD, META, TIME))
                .isEqualTo("b6300dc24ce8aa1eff9c633e906c91b0b2d9cc1b2a5ae631e4f924c9725c253e")
                .isNotEqualTo(hash());
        assertThat(EventHash.of(EventHash.GENESIS, "m-1", 0, TYPE, null, PAYLOAD, null, TIME))
                .isNotEqualTo(EventHash.of(EventHash.GENESIS, "m-1", 0, TYPE, null, PAYLOAD, new byte[0], TIME));
    }

    private static String hash() {
        return EventHash.of(EventHash.GENESIS, "m-1", 0, TYPE, null, PAYLOAD, META, TIME);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
