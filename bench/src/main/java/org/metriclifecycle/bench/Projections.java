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
     * Waits until {@code GET /api/v1/admin/processors} reports the processor caught up: running, not replaying, no
     * error, every segment claimed and caught up, no lag behind the head of the event store.
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

    private static boolean caughtUp(JsonNode status) {
        if (!status.path("running").asBoolean() || status.path("replaying").asBoolean()
                || status.path("error").asBoolean() || !status.path("lag").isNumber() || status.path("lag").asLong() != 0) {
            return false;
        }
        JsonNode segments = status.path("segments");
        if (segments.size() == 0) {
            return false;
        }
        for (JsonNode segment : segments) {
            if (!segment.path("caughtUp").asBoolean() || segment.path("replaying").asBoolean()) {
                return false;
            }
        }
        return true;
    }
}
