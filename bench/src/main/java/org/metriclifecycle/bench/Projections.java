package org.metriclifecycle.bench;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/** The admin API's view of the event processors: replays, and waiting until a processor has caught up. */
final class Projections {

    static final String METRIC_VIEWS = "metric-views";

    private Projections() {
    }

    /** Starts a replay of the processor; the answer is immediate (202), the rebuild runs on in the service. */
    static void replay(ServiceApi api, String processor) throws IOException, InterruptedException {
        api.expectOk(api.post("/api/v1/admin/processors/" + processor + "/replay", ""), "replay of " + processor);
    }

    /**
     * Waits until {@code GET /api/v1/admin/processors} reports the processor caught up: running, no error, every
     * segment claimed, caught up and at the head of the event store, no lag.
     */
    static void awaitCaughtUp(ServiceApi api, String processor, Duration timeout, Duration poll)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            ServiceApi.Reply reply = api.get("/api/v1/admin/processors");
            if (reply.ok()) {
                for (JsonNode status : reply.json()) {
                    if (status.path("name").asText().equals(processor)) {
                        last = status.toString();
                        if (caughtUp(status)) {
                            return;
                        }
                        if (status.path("error").asBoolean()) {
                            throw new BenchFailure("processor " + processor + " is in error: " + status);
                        }
                    }
                }
            }
            Thread.sleep(poll.toMillis());
        }
        throw new BenchFailure("processor " + processor + " did not catch up within " + timeout + "; last: " + last);
    }

    /**
     * How many events a (re)building processor has applied, about: the mean position of its segments. Each segment
     * handles its share of the streams (by aggregate) and has applied every event of that share before its position,
     * so with streams spread evenly over the segments the mean position counts the events applied.
     */
    static double meanPosition(ServiceApi api, String processor) throws IOException, InterruptedException {
        ServiceApi.Reply reply = api.expectOk(api.get("/api/v1/admin/processors"), "processor status");
        for (JsonNode status : reply.json()) {
            if (status.path("name").asText().equals(processor)) {
                JsonNode segments = status.path("segments");
                double sum = 0;
                for (JsonNode segment : segments) {
                    sum += segment.path("position").asLong(0);
                }
                // A segment not claimed yet has applied nothing: divide by all four, not by those listed.
                return sum / Math.max(4, segments.size());
            }
        }
        throw new BenchFailure("no processor " + processor);
    }

    /** Whether the processor is caught up now (see {@link #awaitCaughtUp}). */
    static boolean isCaughtUp(ServiceApi api, String processor) throws IOException, InterruptedException {
        ServiceApi.Reply reply = api.expectOk(api.get("/api/v1/admin/processors"), "processor status");
        for (JsonNode status : reply.json()) {
            if (status.path("name").asText().equals(processor)) {
                if (status.path("error").asBoolean()) {
                    throw new BenchFailure("processor " + processor + " is in error: " + status);
                }
                return caughtUp(status);
            }
        }
        throw new BenchFailure("no processor " + processor);
    }

    /**
     * Segments are not asked to have left replay: Axon keeps a segment's replay token (and its "replaying" flag) until
     * an event beyond the reset position arrives, so after a rebuild on an idle store they stay "replaying" at the
     * head although every event has been applied.
     */
    private static boolean caughtUp(JsonNode status) {
        if (!status.path("running").asBoolean() || status.path("error").asBoolean()
                || !status.path("lag").isNumber() || status.path("lag").asLong() != 0) {
            return false;
        }
        long head = status.path("headPosition").asLong(-1);
        JsonNode segments = status.path("segments");
        if (segments.size() == 0) {
            return false;
        }
        for (JsonNode segment : segments) {
            if (!segment.path("caughtUp").asBoolean() || segment.path("position").asLong(-2) != head) {
                return false;
            }
        }
        return true;
    }
}
