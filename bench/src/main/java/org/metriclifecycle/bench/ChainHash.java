package org.metriclifecycle.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An event's link in its stream's hash chain, computed as the service's {@code EventHash} does (docs/audit.md "Tamper-evident
 * audit"): SHA-256 over the previous hash, aggregate, sequence, payload type, revision, payload, metadata and time
 * stamp, each framed by its 4-byte length (-1 for NULL). ChainHashTest holds a value the service computed.
 */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static String of(String previousHash, EventRow row) {
        ByteArrayOutputStream framed = new ByteArrayOutputStream(256 + row.payload().length + row.metaData().length);
        field(framed, utf8(previousHash));
        field(framed, utf8(row.aggregateIdentifier()));
        field(framed, utf8(Long.toString(row.sequenceNumber())));
        field(framed, utf8(row.payloadType()));
        field(framed, utf8(row.payloadRevision()));
        field(framed, row.payload());
        field(framed, row.metaData());
        field(framed, utf8(row.timeStamp()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(framed.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
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
}
