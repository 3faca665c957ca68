package org.metriclifecycle.deploy.it;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.metriclifecycle.deploy.support.PackagedService;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Client threads writing through the HTTP API of one instance, each on metrics of its own teams (so no two clients
 * ever race for a stream): propose a metric, link a hypothesis, record a supporting and an inconclusive
 * correlation, and again. Keeps a ledger of every acknowledged (2xx) write with the ids its answer named, and a log
 * of every answer (status, time taken, problem headers); a request that got no answer at all is logged with status
 * {@link #NO_ANSWER}: its outcome is unknown. Every write carries an {@code Idempotency-Key}, so one without an
 * answer or refused with 503 can be sent again later ({@link #settle}): it then happens exactly once, whether or not
 * the first attempt went through.
 */
final class ClientLoad {

    static final int NO_ANSWER = -1;

    /**
     * An acknowledged write. {@code id} is the metric's, the hypothesis's or the correlation's id; a correlation also
     * names its hypothesis; {@code team} is the metric's; {@code answeredAt} from {@link System#nanoTime()}.
     */
    record Ack(String kind, String team, String metricId, String id, String hypothesisId, long answeredAt) {
    }

    /** One request and what came back; {@code startedAt} and {@code millis} from {@link System#nanoTime()}. */
    record Answer(String path, long startedAt, long millis, int status, String contentType, String retryAfter,
                  String body) {
    }

    /** A write sent with its key that got no answer or a 503: its outcome is unknown until it is sent again. */
    record Unsettled(String kind, String team, String metricId, String hypothesisId, String path, String body,
                     String idField, String key) {
    }

    /** How a write sent again after the fault went: {@code replayed} when the first attempt had gone through. */
    record Settled(Unsettled write, int status, boolean replayed) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A team holds at most this many of a client's metrics; then the client moves to its next team. */
    private static final int METRICS_PER_TEAM = 50;

    private final PackagedService service;
    private final String prefix;
    private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Queue<Unsettled> unsettled = new ConcurrentLinkedQueue<>();
    private final java.util.Map<String, java.util.concurrent.atomic.LongAdder> sent =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean stopping;

    /** @param prefix starts every team's slug, so two tests' clients never share a team */
    ClientLoad(PackagedService service, String prefix) {
        this.service = service;
        this.prefix = prefix;
    }

    void start(int clientCount) {
        for (int i = 0; i < clientCount; i++) {
            int client = i;
            Thread thread = new Thread(() -> loop(client), prefix + "-client-" + i);
            thread.setDaemon(true);
            thread.start();
            clients.add(thread);
        }
    }

    /** Lets every client finish the request it is in, and waits for them. */
    void stop() throws InterruptedException {
        stopping = true;
        for (Thread client : clients) {
            client.join(30_000);
        }
    }

    List<Ack> acks() {
        return List.copyOf(acks);
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** How many distinct writes of a kind were sent (each with its own key), whatever became of them. */
    long sent(String kind) {
        java.util.concurrent.atomic.LongAdder count = sent.get(kind);
        return count == null ? 0 : count.sum();
    }

    List<Unsettled> unsettled() {
        return List.copyOf(unsettled);
    }

    /**
     * Sends every write whose outcome is unknown again, with its key, until it is answered 2xx (a few tries while the
     * service still answers 503), and adds it to the ledger. Afterwards every write sent is acknowledged exactly once.
     */
    List<Settled> settle(PackagedService to) throws IOException, InterruptedException {
        List<Settled> settled = new ArrayList<>();
        for (Unsettled write : unsettled) {
            HttpResponse<String> response = to.post(write.path(), write.body(), write.key());
            for (int attempt = 1; response.statusCode() == 503 && attempt < 20; attempt++) {
                Thread.sleep(500);
                response = to.post(write.path(), write.body(), write.key());
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("sent again with its key, " + write + " got " + response.statusCode()
                        + " " + response.body());
            }
            String id = JSON.readTree(response.body()).get(write.idField()).asText();
            acks.add(new Ack(write.kind(), write.team(), write.metricId() == null ? id : write.metricId(), id,
                    write.hypothesisId(), System.nanoTime()));
            settled.add(new Settled(write, response.statusCode(),
                    response.headers().firstValue("Idempotent-Replayed").isPresent()));
        }
        unsettled.clear();
        return settled;
    }

    long acknowledged(String kind) {
        return acks.stream().filter(ack -> ack.kind().equals(kind)).count();
    }

    private void loop(int client) {
        int round = 0;
        while (!stopping) {
            String team = prefix + "-c" + client + "-t" + (round / METRICS_PER_TEAM);
            round++;
            String metricId = write("metric", team, null, null, "/api/v1/metrics",
                    "{\"name\":\"client " + client + " metric " + round + "\",\"team\":\"" + team
                            + "\",\"owner\":\"ada\"}", "metricId");
            if (metricId == null || stopping) {
                continue;
            }
            String hypothesisId = write("hypothesis", team, metricId, null,
                    "/api/v1/metrics/" + metricId + "/hypotheses",
                    "{\"outcome\":\"user-reported errors\",\"statement\":\"r >= 0.5 over >= 10 sessions\","
                            + "\"direction\":\"POSITIVE\",\"minCorrelation\":0.5,\"minSampleSize\":10}",
                    "hypothesisId");
            if (hypothesisId == null) {
                continue;
            }
            for (int sessions : new int[] {100, 5}) {
                if (stopping) {
                    break;
                }
                write("correlation", team, metricId, hypothesisId, "/api/v1/metrics/" + metricId + "/correlations",
                        "{\"hypothesisId\":\"" + hypothesisId + "\",\"coefficient\":0.9,\"sampleSize\":" + sessions
                                + periodAndSource(), "correlationId");
            }
        }
    }

    /** Like a real client, not in a tight loop: a failing service is not hammered (but still asked often). */
    private void pauseAfterRefusal() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** @return the id the write answered, or null when it was not acknowledged */
    private String write(String kind, String team, String metricId, String hypothesisId, String path, String body,
                         String idField) {
        long started = System.nanoTime();
        String key = java.util.UUID.randomUUID().toString();
        sent.computeIfAbsent(kind, k -> new java.util.concurrent.atomic.LongAdder()).increment();
        HttpResponse<String> response;
        try {
            response = service.post(path, body, key);
        } catch (IOException e) {
            answers.add(new Answer(path, started, (System.nanoTime() - started) / 1_000_000, NO_ANSWER, null, null,
                    e.toString()));
            unsettled.add(new Unsettled(kind, team, metricId, hypothesisId, path, body, idField, key));
            pauseAfterRefusal();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
            return null;
        }
        answers.add(new Answer(path, started, (System.nanoTime() - started) / 1_000_000, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("Retry-After").orElse(null), response.body()));
        if (response.statusCode() / 100 != 2) {
            if (response.statusCode() == 503) {
                unsettled.add(new Unsettled(kind, team, metricId, hypothesisId, path, body, idField, key));
            }
            pauseAfterRefusal();
            return null;
        }
        String id;
        try {
            id = JSON.readTree(response.body()).get(idField).asText();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no " + idField + " in " + response.statusCode() + " " + response.body(),
                    e);
        }
        acks.add(new Ack(kind, team, metricId == null ? id : metricId, id, hypothesisId, System.nanoTime()));
        return id;
    }

    private static final java.util.concurrent.atomic.AtomicLong SOURCES = new java.util.concurrent.atomic.AtomicLong();

    /**
     * The last 30 days up to today (UTC), from a source of its own: older evidence would be past its revalidation
     * due date (409), and equal periods from one source overlap (409 unless one supersedes the other).
     */
    static String periodAndSource() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        return ",\"periodStart\":\"" + today.minusDays(30) + "\",\"periodEnd\":\"" + today
                + "\",\"source\":\"load-" + SOURCES.incrementAndGet() + "\"}";
    }
}
