package org.metriclifecycle.deploy.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;


/**
 * What a checkpoint's signature covers, kept plain so that an auditor can check one without the service
 * (docs/audit.md). digest = lowercase hex SHA-256 over the streams in the listed order, each as three fields
 * (streamId, sequence as decimal text, hash), each field a 4-byte big-endian length and its UTF-8 bytes. The signed
 * text is {@value #DOMAIN}, checkpointId, createdAt and digest, each followed by a line feed.
 */
public final class CheckpointDigest {

    static final String DOMAIN = "metric-lifecycle-checkpoint/v1";

    private CheckpointDigest() {
    }

    public static String of(List<ChainHead> streams) {
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        for (ChainHead head : streams) {
            field(framed, head.streamId());
            field(framed, Long.toString(head.sequence()));
            field(framed, head.hash());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(framed.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static byte[] signedText(String checkpointId, String createdAt, String digest) {
        return (DOMAIN + "\n" + checkpointId + "\n" + createdAt + "\n" + digest + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void field(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
