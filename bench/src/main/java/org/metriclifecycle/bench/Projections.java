package org.metriclifecycle.bench;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The projection rebuild through the admin API (SPEC "Operating and scale"): {@code POST
 * /api/v1/admin/projections/rebuild} starts it (202), {@code GET} reports {@code {state: IDLE|RUNNING|FAILED,
 * eventsApplied, eventsTotal, startedAt, finishedAt, eventsPerSecond}}.
 */
final class Projections {

    static final String REBUILD = "/api/v1/admin/projections/rebuild";

    /** What the last rebuild reported when it ended, and how long the bench saw it take. */
    record Rebuilt(double seconds, long eventsApplied, long eventsTotal, double reportedPerSecond) {
    }

    private Projections() {
    }

    /** Whether the service has the rebuild endpoint (a commit before it answers 404). */
    static boolean rebuildAvailable(ServiceApi api) throws IOException, InterruptedException {
        ServiceApi.Reply reply = api.get(REBUILD);
        return reply.ok() && reply.json().has("state");
    }

    /** Starts a rebuild and waits until the service reports it ended; fails if it FAILED or did not end in time. */
    static Rebuilt rebuild(ServiceApi api, Duration timeout) throws IOException, InterruptedException {
        long started = System.nanoTime();
        ServiceApi.Reply accepted = api.post(REBUILD, "");
        if (accepted.status() != 202) {
            throw new BenchFailure("POST " + REBUILD + " answered " + accepted.status() + ": " + accepted.body());
        }
        long deadline = started + timeout.toNanos();
        String last = accepted.body();
        while (System.nanoTime() < deadline) {
            Thread.sleep(50);
            JsonNode status = api.expectOk(api.get(REBUILD), "GET " + REBUILD).json();
            last = status.toString();
            String state = status.path("state").asText();
            if (state.equals("FAILED")) {
                throw new BenchFailure("the rebuild failed: " + status);
            }
            if (state.equals("IDLE") && !status.path("finishedAt").isNull()
                    && !status.path("finishedAt").isMissingNode()) {
                double seconds = (System.nanoTime() - started) / 1e9;
                return new Rebuilt(seconds, status.path("eventsApplied").asLong(), status.path("eventsTotal").asLong(),
                        status.path("eventsPerSecond").asDouble());
            }
        }
        throw new BenchFailure("the rebuild did not end within " + timeout + "; last: " + last);
    }
}
