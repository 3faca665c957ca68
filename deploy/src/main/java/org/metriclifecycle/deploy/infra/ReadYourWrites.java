package org.metriclifecycle.deploy.infra;

import java.util.OptionalLong;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.metriclifecycle.events.TeamEvent;
import org.metriclifecycle.query.metric.MetricViewStore;
import org.metriclifecycle.query.team.TeamViewStore;

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
    private final TeamViewStore teams;
    private final ProjectionProgress progress;
    private final ApiConfig config;

    @Inject
    ReadYourWrites(EventStore eventStore, MetricViewStore views, TeamViewStore teams, ProjectionProgress progress,
                   ApiConfig config) {
        this.eventStore = eventStore;
        this.views = views;
        this.teams = teams;
        this.progress = progress;
        this.config = config;
    }

    /** @return whether the metric's views caught up with its stream before the timeout */
    public boolean awaitMetric(String metricId) {
        return await(AxonRuntime.METRIC_VIEWS, metricId, () -> views.lastAppliedSequence(metricId));
    }

    /** @return whether the team's views caught up with the team's stream before the timeout */
    public boolean awaitTeam(String team) {
        return await(AxonRuntime.TEAM_VIEWS, TeamEvent.aggregateId(team), () -> teams.lastAppliedSequence(team));
    }

    /** The team a metric belongs to, as the read model knows it (null for an unknown metric). */
    public String teamOf(String metricId) {
        return QuarkusTransaction.joiningExisting().call(
                () -> views.teamOf(metricId).orElse(null));
    }

    private boolean await(String processor, String aggregateId, Supplier<OptionalLong> applied) {
        // The write has committed, so the stream's last sequence is at least the write's own last event.
        long written = eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L);
        if (written < 0) {
            return true;
        }
        return progress.await(processor, aggregateId, written,
                () -> QuarkusTransaction.joiningExisting().call(() -> applied.get().orElse(-1L)),
                config.readYourWritesTimeout());
    }
}
