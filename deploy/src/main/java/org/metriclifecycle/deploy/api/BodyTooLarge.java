package org.metriclifecycle.deploy.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;


/**
 * The API's body limit for bodies of any framing: an announced length over it is refused before reading
 * ({@code BodySizeLimit}), and a chunked body is counted as it is read and refused the moment it passes the
 * limit, with the same 413 problem document. The transport's own limit ({@code quarkus.http.limits.max-body-size})
 * stays above it as a hard stop; it would answer a bare 413 and log the reader's failure as an error.
 */
@Provider
public class BodyTooLarge implements ReaderInterceptor {

    /** Thrown while reading a body past the limit; answered 413. */
    public static class Exceeded extends IOException {
        private final long limit;

        Exceeded(long limit) {
            super("request bodies are limited to " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    // Looked up per request: REST providers are built before the run-time configuration is mapped.
    @Inject
    jakarta.inject.Provider<ApiConfig> api;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Counted(context.getInputStream(), api.get().maxBodyBytes()));
        return context.proceed();
    }

    private static final class Counted extends FilterInputStream {
        private final long limit;
        private long read;

        Counted(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws Exceeded {
            read += n;
            if (read > limit) {
                throw new Exceeded(limit);
            }
        }
    }
}
