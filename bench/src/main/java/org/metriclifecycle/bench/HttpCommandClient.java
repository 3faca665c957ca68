package org.metriclifecycle.bench;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client of the service writing its own metrics over HTTP, one command per step (see {@link CommandScript}), on a
 * keep-alive connection of its own.
 */
final class HttpCommandClient implements Step, AutoCloseable {

    private static final AtomicInteger REPORTED = new AtomicInteger();

    private final KeepAliveConnection connection;
    private final CommandScript script;
    private String metricId;
    private String hypothesisId;
    private int proposals;

    HttpCommandClient(ServiceApi api, String teamPrefix) {
        this.connection = api.connection();
        this.script = new CommandScript(teamPrefix);
    }

    @Override
    public boolean run() throws Exception {
        ServiceApi.Reply reply = switch (script.next()) {
            case PROPOSE -> connection.post("/api/v1/metrics", proposal());
            case LINK -> connection.post("/api/v1/metrics/" + metricId + "/hypotheses", hypothesis());
            case CORRELATE -> connection.post("/api/v1/metrics/" + metricId + "/correlations", correlation());
        };
        if (!reply.ok()) {
            if (REPORTED.incrementAndGet() <= 5) {
                System.err.printf("  %s refused with %d: %s%n", script.next(), reply.status(), reply.body());
            }
            script.failed();
            return false;
        }
        switch (script.next()) {
            case PROPOSE -> metricId = reply.field("metricId");
            case LINK -> hypothesisId = reply.field("hypothesisId");
            case CORRELATE -> {
                // answered with its verdict; nothing to keep
            }
        }
        script.done();
        return true;
    }

    @Override
    public void close() {
        connection.close();
    }

    private String proposal() {
        return "{\"name\":\"bench metric " + (++proposals) + "\",\"team\":\"" + script.team() + "\",\"owner\":\"ada\","
                + "\"description\":\"share of answers with a claim the sources do not support\",\"version\":\"1.0\","
                + "\"validFor\":\"English support chat\",\"rationale\":\"users report wrong answers\"}";
    }

    private static String hypothesis() {
        return "{\"outcome\":\"user-reported errors\","
                + "\"statement\":\"correlates at r >= 0.5 with user-reported errors over >= 100 sessions\","
                + "\"direction\":\"" + Evidence.DIRECTION + "\",\"minCorrelation\":" + Evidence.MIN_CORRELATION
                + ",\"minSampleSize\":" + Evidence.MIN_SAMPLE_SIZE + ",\"reason\":\"quarterly planning\"}";
    }

    private String correlation() {
        Evidence evidence = Evidence.nth(script.correlation());
        return correlationBody(hypothesisId, evidence);
    }

    private static final java.util.concurrent.atomic.AtomicLong SOURCES = new java.util.concurrent.atomic.AtomicLong();

    /**
     * The last 30 days up to today (UTC), from a source of its own: older evidence may be past its revalidation due
     * date (409), and equal periods from one source overlap (409 unless one supersedes the other).
     */
    static String correlationBody(String hypothesisId, Evidence evidence) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        return "{\"hypothesisId\":\"" + hypothesisId + "\",\"coefficient\":" + evidence.coefficient()
                + ",\"sampleSize\":" + evidence.sampleSize() + ",\"periodStart\":\"" + today.minusDays(30) + "\","
                + "\"periodEnd\":\"" + today + "\",\"method\":\"PEARSON\",\"source\":\"eval-pipeline-"
                + SOURCES.incrementAndGet() + "\"}";
    }
}
