package org.metriclifecycle.deploy.infra;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.metriclifecycle.query.metric.MetricViewStore;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * SPEC's consistency rule: a write answers only once the read models reflect it, or after
 * {@code metrics.api.read-your-writes-timeout}, when the HTTP layer flags the answer {@code Projection-Pending}.
 */
@Singleton
public class ReadYourWrites {

    public static final String PENDING_HEADER = "Projection-Pending";

    private final EventStore eventStore;
    private final MetricViewStore views;
    private final ProjectionProgress progress;
    private final ApiConfig config;

    @Inject
    ReadYourWrites(EventStore eventStore, MetricViewStore views, ProjectionProgress progress, ApiConfig config) {
        this.eventStore = eventStore;
        this.views = views;
        this.progress = progress;
        this.config = config;
    }

    /** @return whether the metric's views caught up with its stream before the timeout */
    public boolean awaitMetric(String metricId) {
        // The write has committed, so the stream's last sequence is at least the write's own last event.
        long written = eventStore.lastSequenceNumberFor(metricId).orElse(-1L);
        if (written < 0) {
            return true;
        }
        return progress.await(() -> applied(metricId) >= written, config.readYourWritesTimeout());
    }

    private long applied(String metricId) {
        return QuarkusTransaction.joiningExisting().call(() -> views.lastAppliedSequence(metricId).orElse(-1L));
    }
}
