package org.metriclifecycle.deploy.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * A body must be well-formed UTF-8 (SPEC "Security"). Jackson's parser decodes some malformed sequences instead of
 * refusing them (the overlong {@code C0 AF} reads as "/", bytes F5..F7 as code points past U+10FFFF), so the bytes
 * are checked with the JDK's strict decoder first. Bodies are small (64 KiB at most, counted by
 * {@link BodyTooLarge}, which runs outside this), so reading one whole costs nothing that matters.
 */
@Provider
@Priority(Priorities.USER + 100)
public class StrictUtf8 implements ReaderInterceptor {

    /** Answered 400: the body is not UTF-8. */
    public static class Malformed extends IOException {
        Malformed(long offset) {
            super("the body is not well-formed UTF-8 (at byte " + offset + ")");
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readAllBytes();
        check(body);
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    static void check(byte[] body) throws Malformed {
        ByteBuffer bytes = ByteBuffer.wrap(body);
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
        } catch (CharacterCodingException e) {
            throw new Malformed(bytes.position());
        }
    }
}
