package org.metriclifecycle.deploy.it;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.metriclifecycle.deploy.support.PackagedService;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Client threads writing through two instances at once: each proposes metrics, links a hypothesis and records a
 * correlation (half of them supporting, so the other half's link windows fire), every step through a randomly
 * chosen instance; and every round also records two correlations on a few shared ("hot") metrics, so both
 * instances write the same streams at the same moments. Proposals share a few teams, so the team streams race too.
 * <p>
 * Keeps a ledger of every acknowledged (2xx) write, counts answers by status, and lists any answer other than 2xx
 * or 409. A request that fails without an answer (the instance was killed under it) has an unknown outcome. Right
 * after each acknowledged proposal or hypothesis, while both instances run, the metric is read through the other
 * instance: SPEC's consistency rule says that read must already show the write (counted as a stale read if not).
 */
final class ReplicaLoad {

    /** An acknowledged write: {@code id} is the metric's, the hypothesis's or the correlation's id. */
    record Ack(String kind, String metricId, String id, int via, Instant at, long millis) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TEAMS = 12;

    private final PackagedService[] instances;
    private final List<String[]> hot = new ArrayList<>();
    private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unknownOutcome = new AtomicInteger();
    private final AtomicInteger staleReads = new AtomicInteger();
    private final AtomicInteger crossChecks = new AtomicInteger();
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean firstAlive = true;
    private volatile boolean stopping;

    ReplicaLoad(PackagedService first, PackagedService second) {
        this.instances = new PackagedService[] {first, second};
    }

    /** The shared metrics, each with one hypothesis, created through the first instance. */
    void createHotMetrics(int count) throws IOException, InterruptedException {
        for (int i = 0; i < count; i++) {
            String metricId = id(instances[0].post("/api/v1/metrics", proposal("hot-" + i, "team-hot")), "metricId");
            String hypothesisId = id(instances[0].post("/api/v1/metrics/" + metricId + "/hypotheses", hypothesis()),
                    "hypothesisId");
            hot.add(new String[] {metricId, hypothesisId});
        }
    }

    void start(int clientCount) {
        for (int i = 0; i < clientCount; i++) {
            Thread client = new Thread(this::loop, "load-client-" + i);
            client.setDaemon(true);
            client.start();
            clients.add(client);
        }
    }

    /** From now on every request goes to the second instance (the first was killed). */
    void firstIsGone() {
        firstAlive = false;
    }

    void stop() throws InterruptedException {
        stopping = true;
        for (Thread client : clients) {
            client.join(30_000);
        }
    }

    List<Ack> acks() {
        return List.copyOf(acks);
    }

    Map<Integer, AtomicInteger> answers() {
        return answers;
    }

    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    int unknownOutcome() {
        return unknownOutcome.get();
    }

    /** Reads through the other instance, right after a write was acknowledged, that did not show it. */
    int staleReads() {
        return staleReads.get();
    }

    /** How many such reads were made. */
    int crossChecks() {
        return crossChecks.get();
    }

    private void loop() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int round = 0;
        while (!stopping) {
            round++;
            // Twelve teams of at most 100 metrics each (the budget's ceiling) hold the whole run.
            String team = "team-" + random.nextInt(TEAMS);
            String metricId = write("metric", null, "/api/v1/metrics",
                    proposal(Thread.currentThread().getName() + " round " + round, team), "metricId");
            if (metricId != null) {
                String hypothesisId = write("hypothesis", metricId, "/api/v1/metrics/" + metricId + "/hypotheses",
                        hypothesis(), "hypothesisId");
                if (hypothesisId != null) {
                    write("correlation", metricId, "/api/v1/metrics/" + metricId + "/correlations",
                            correlation(hypothesisId, random.nextBoolean()), "correlationId");
                }
            }
            for (int i = 0; i < 2; i++) {
                String[] shared = hot.get(random.nextInt(hot.size()));
                write("correlation", shared[0], "/api/v1/metrics/" + shared[0] + "/correlations",
                        correlation(shared[1], false), "correlationId");
            }
        }
    }

    /** @return the id the write answered, or null when it was not acknowledged */
    private String write(String kind, String metricId, String path, String body, String idField) {
        int via = firstAlive ? ThreadLocalRandom.current().nextInt(2) : 1;
        HttpResponse<String> response;
        long started = System.nanoTime();
        try {
            response = instances[via].post(path, body);
        } catch (IOException e) {
            unknownOutcome.incrementAndGet();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
            return null;
        }
        answers.computeIfAbsent(response.statusCode(), status -> new AtomicInteger()).incrementAndGet();
        if (response.statusCode() / 100 != 2) {
            if (response.statusCode() != 409) {
                unexpected.add(response.statusCode() + " " + path + " via " + via + ": " + response.body());
            }
            return null;
        }
        String id;
        try {
            id = id(response, idField);
        } catch (IllegalStateException e) {
            unexpected.add(e.getMessage());
            return null;
        }
        acks.add(new Ack(kind, metricId == null ? id : metricId, id, via, Instant.now(),
                (System.nanoTime() - started) / 1_000_000));
        if (firstAlive && !kind.equals("correlation")) {
            readThroughTheOther(via, metricId == null ? id : metricId, id);
        }
        return id;
    }

    private void readThroughTheOther(int via, String metricId, String id) {
        try {
            HttpResponse<String> view = instances[1 - via].get("/api/v1/metrics/" + metricId);
            crossChecks.incrementAndGet();
            if (view.statusCode() != 200 || !view.body().contains(id)) {
                staleReads.incrementAndGet();
                unexpected.add("read through instance " + (1 - via) + " right after a write through " + via
                        + " does not show " + id + ": " + view.statusCode());
            }
        } catch (IOException e) {
            // The other instance was killed under the read: nothing to check.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private static String id(HttpResponse<String> response, String field) {
        try {
            return JSON.readTree(response.body()).get(field).asText();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no " + field + " in " + response.statusCode() + " " + response.body(), e);
        }
    }

    private static String proposal(String name, String team) {
        return "{\"name\":\"" + name + "\",\"team\":\"" + team + "\",\"owner\":\"ada\"}";
    }

    private static String hypothesis() {
        return "{\"outcome\":\"user-reported errors\",\"statement\":\"r >= 0.5 over >= 10 sessions\","
                + "\"direction\":\"POSITIVE\",\"minCorrelation\":0.5,\"minSampleSize\":10}";
    }

    /** Supporting (r 0.9 over 100 sessions) or inconclusive (5 sessions, below the hypothesis's minimum). */
    private static String correlation(String hypothesisId, boolean supporting) {
        return "{\"hypothesisId\":\"" + hypothesisId + "\",\"coefficient\":0.9,\"sampleSize\":"
                + (supporting ? 100 : 5) + periodAndSource();
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
