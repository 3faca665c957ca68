package org.metriclifecycle.deploy.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.metriclifecycle.deploy.axon.ConcurrencyRetry;
import org.metriclifecycle.deploy.api.IdempotencyStore.StoredAnswer;
import org.metriclifecycle.deploy.security.Caller;
import org.metriclifecycle.deploy.security.CallerIdentity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.security.UnauthorizedException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes sent with an {@code Idempotency-Key} header run at most once per caller and key: the command and its first
 * answer commit in one transaction, so a retry (after a timeout, a dropped connection, a crash of either side) finds
 * the answer and gets it back, marked {@code Idempotent-Replayed: true}, and nothing is stored twice. The same key
 * with a different request is refused with 422; while the first request with the key is still running, a second one
 * waits for it (PostgreSQL) or, failing that, is refused with 409. Writes without the header behave as before.
 * <p>
 * Runs inside the authorization check (a refused caller learns nothing about keys) and outside validation (an
 * invalid request stores nothing, so fixing it and retrying with the same key works).
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class IdempotentWrites {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** A plain token or an RFC 8941 string ("..."): visible ASCII, at most 255 characters. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final int ATTEMPTS = 3;

    @Inject
    HttpHeaders headers;
    @Inject
    UriInfo uri;
    @Inject
    CallerIdentity callers;
    @Inject
    RequestContextMetadata request;
    @Inject
    IdempotencyStore store;
    @Inject
    ObjectMapper json;
    @Inject
    @Any
    Instance<AnswerSecret> secrets;

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        String header = headers.getHeaderString(KEY_HEADER);
        if (header == null) {
            return invocation.proceed();
        }
        String key = parse(header);
        String caller = callers.current().map(Caller::name).orElseThrow(UnauthorizedException::new);
        String fingerprint = fingerprint(invocation);
        for (int attempt = 1; ; attempt++) {
            Optional<StoredAnswer> stored = store.find(caller, key);
            if (stored.isPresent()) {
                return replay(stored.get(), fingerprint, invocation);
            }
            try {
                return firstTime(invocation, caller, key, fingerprint);
            } catch (IdempotencyStore.KeyTaken taken) {
                // Another request with this key committed first (its answer is found next time round), or still runs.
                if (attempt >= ATTEMPTS) {
                    throw new IdempotencyKeyException(IdempotencyKeyException.Kind.IN_FLIGHT,
                            "another request with this Idempotency-Key is still being processed; retry later");
                }
            } catch (Exception e) {
                // A refusal that comes after this key's first request committed is that request's doing (the stream
                // now holds its write: a second correlation for the same period and source is refused, for
                // instance): the retry gets the first answer, as if it had arrived afterwards.
                Optional<StoredAnswer> winner = store.find(caller, key);
                if (winner.isPresent()) {
                    return replay(winner.get(), fingerprint, invocation);
                }
                // A lost race for the stream aborted the whole transaction: run it again, the way commands without a
                // key are retried (ConcurrencyRetry), unless the winner was this very key's first request.
                if (!ConcurrencyRetry.lostRace(e) || attempt >= 2) {
                    throw e;
                }
            }
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 40));
        }
    }

    private Response firstTime(InvocationContext invocation, String caller, String key, String fingerprint)
            throws Exception {
        Idempotent declared = invocation.getMethod().getAnnotation(Idempotent.class);
        if (declared != null && !declared.atomic()) {
            Response response = (Response) invocation.proceed();
            StoredAnswer answer = new StoredAnswer(fingerprint, response.getStatus(), location(response),
                    body(response, secret(invocation)));
            QuarkusTransaction.requiringNew().run(() -> store.store(caller, key, answer));
            return response;
        }
        // The command's unit of work joins this transaction: its events, views and this answer commit together.
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Response answer = (Response) invocation.proceed();
                store.store(caller, key, new StoredAnswer(fingerprint, answer.getStatus(), location(answer),
                        body(answer, secret(invocation))));
                return answer;
            });
        } catch (QuarkusTransactionException e) {
            // The caller looks at what failed (a lost race, a refusal): a checked failure of the endpoint or of the
            // commit, unwrapped, as if there were no transaction around it.
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private Response replay(StoredAnswer stored, String fingerprint, InvocationContext invocation) {
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyException(IdempotencyKeyException.Kind.REUSED,
                    "this Idempotency-Key was already used for a different request; use a new key for a new request");
        }
        Response.ResponseBuilder answer = Response.status(stored.status()).header(REPLAYED_HEADER, "true")
                .header(RequestContextMetadata.CORRELATION_HEADER, request.correlationId());
        if (stored.location() != null) {
            answer.location(URI.create(stored.location()));
        }
        if (stored.body() != null) {
            answer.entity(restored(stored.body(), secret(invocation))).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return answer.build();
    }

    private static String parse(String header) {
        String key = header.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (!KEY.matcher(key).matches()) {
            throw new IdempotencyKeyException(IdempotencyKeyException.Kind.MALFORMED,
                    KEY_HEADER + " must be 1 to 255 visible ASCII characters (a UUID, say)");
        }
        return key;
    }

    /** What makes two requests the same: method, path and every argument the endpoint received, as JSON. */
    private String fingerprint(InvocationContext invocation) throws Exception {
        String method = invocation.getMethod().isAnnotationPresent(POST.class) ? "POST"
                : invocation.getMethod().isAnnotationPresent(PUT.class) ? "PUT"
                : invocation.getMethod().isAnnotationPresent(DELETE.class) ? "DELETE" : "?";
        String request = method + " " + uri.getPath() + "\n" + json.writeValueAsString(invocation.getParameters());
        return sha256(request);
    }

    /** The answer's body as stored: JSON, without the secret the endpoint declares. */
    private String body(Response response, AnswerSecret secret) {
        Object entity = response.getEntity();
        if (entity == null || (entity instanceof String && secret == null)) {
            return (String) entity;
        }
        try {
            if (secret == null) {
                return json.writeValueAsString(entity);
            }
            JsonNode tree = entity instanceof String text ? json.readTree(text) : json.valueToTree(entity);
            if (tree instanceof ObjectNode object) {
                secret.redact(object);
            }
            return json.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not keep the answer of an idempotent write", e);
        }
    }

    private String restored(String body, AnswerSecret secret) {
        if (secret == null) {
            return body;
        }
        try {
            JsonNode tree = json.readTree(body);
            if (tree instanceof ObjectNode object) {
                secret.restore(object);
            }
            return json.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not replay the answer of an idempotent write", e);
        }
    }

    /** The endpoint's {@link AnswerSecret}, or null when its answers hold none. */
    private AnswerSecret secret(InvocationContext invocation) {
        Idempotent declared = invocation.getMethod().getAnnotation(Idempotent.class);
        if (declared == null || declared.secret() == AnswerSecret.None.class) {
            return null;
        }
        return secrets.select(declared.secret()).get();
    }

    private static String location(Response response) {
        URI location = response.getLocation();
        return location == null ? null : location.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
