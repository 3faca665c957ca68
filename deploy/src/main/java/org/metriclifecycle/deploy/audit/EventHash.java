package org.metriclifecycle.deploy.audit;

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
        MessageDigest digest = sha256();
        byte[] length = new byte[Integer.BYTES];
        field(digest, length, utf8(previousHash));
        field(digest, length, utf8(aggregateIdentifier));
        field(digest, length, utf8(Long.toString(sequenceNumber)));
        field(digest, length, utf8(payloadType));
        field(digest, length, utf8(payloadRevision));
        field(digest, length, payload);
        field(digest, length, metaData);
        field(digest, length, utf8(timeStamp));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, byte[] length, byte[] value) {
        ByteBuffer.wrap(length).putInt(value == null ? -1 : value.length);
        digest.update(length);
        if (value != null) {
            digest.update(value);
        }
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    // Looking SHA-256 up among the security providers costs more than the hash of a small event: copy one instead.
    private static final MessageDigest PROTOTYPE = newSha256();

    private static MessageDigest sha256() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
