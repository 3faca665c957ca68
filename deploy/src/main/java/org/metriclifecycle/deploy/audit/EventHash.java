package org.metriclifecycle.deploy.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of one stored event in its stream's chain (SPEC "Security").
 * <p>
 * hash = lowercase hex of SHA-256 over, in this order: previous hash (hex text; {@link #GENESIS} for sequence 0),
 * aggregate identifier, sequence number (decimal text), payload_type, payload_revision, payload, meta_data,
 * time_stamp (the stored text). Each field is framed as a 4-byte big-endian length and then its bytes (texts in
 * UTF-8), SQL NULL as length -1 with no bytes: the framing keeps one field from running into the next, and NULL
 * apart from empty. Kept this plain so that an auditor can recompute it outside the service (docs/audit.md).
 */
public final class EventHash {

    /** The previous hash of the first event of every stream. */
    public static final String GENESIS = "0".repeat(64);

    private EventHash() {
    }

    static String of(String previousHash, StoredEvent event) {
        return of(previousHash, event.aggregateIdentifier(), event.sequenceNumber(), event.payloadType(),
                event.payloadRevision(), event.payload(), event.metaData(), event.timeStamp());
    }

    public static String of(String previousHash, String aggregateIdentifier, long sequenceNumber, String payloadType,
                            String payloadRevision, byte[] payload, byte[] metaData, String timeStamp) {
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        field(framed, utf8(previousHash));
        field(framed, utf8(aggregateIdentifier));
        field(framed, utf8(Long.toString(sequenceNumber)));
        field(framed, utf8(payloadType));
        field(framed, utf8(payloadRevision));
        field(framed, payload);
        field(framed, metaData);
        field(framed, utf8(timeStamp));
        return HexFormat.of().formatHex(sha256().digest(framed.toByteArray()));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
