package org.metriclifecycle.command.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metriclifecycle.command.team.InMemoryCommandSide.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.command.TeamSettings;
import org.metriclifecycle.events.RotationPeriod;
import org.metriclifecycle.command.metric.ChangeOwner;
import org.metriclifecycle.command.metric.DeprecateMetric;
import org.metriclifecycle.command.metric.ProposeMetric;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.OwnerChanged;
import org.metriclifecycle.events.OwnershipRotated;

/**
 * From a schedule to the metrics' owners: the team's durable deadline, its handoff event, the dispatcher resolving
 * the command gateway from the configuration, and each metric's own change of owner.
 */
class RotationEndToEndTest {

    private static final Duration PERIOD = Duration.ofSeconds(10);
    private static final RotationPeriod EVERY_TEN_SECONDS = RotationPeriod.of(PERIOD);
    private static final Instant FIRST = T0.plus(PERIOD);
    private static final Instant SECOND = FIRST.plus(PERIOD);

    private final InMemoryCommandSide service = new InMemoryCommandSide(new TeamSettings(8));

    @AfterEach
    void shutDown() {
        service.close();
    }

    private void twoMetricsOwnedByCarlRotatingBetweenAdaAndBob() {
        service.send(new ProposeMetric("m-1", "Pass rate", null, "search", "carl", null, null, null, null, null));
        service.send(new ProposeMetric("m-2", "Refusal rate", null, "search", "carl", null, null, null, null, null));
        service.send(new ScheduleRotation("search", "schedule-1", List.of("ada", "bob"), EVERY_TEN_SECONDS, FIRST));
    }

    private List<Object> rotations(String metricId) {
        return service.stream(metricId).stream().filter(OwnershipRotated.class::isInstance).toList();
    }

    @Test
    void eachHandoffChangesTheOwnersAsTheSystem() {
        twoMetricsOwnedByCarlRotatingBetweenAdaAndBob();

        service.advanceTo(FIRST);

        assertThat(rotations("m-1")).containsExactly(new OwnershipRotated("m-1", "carl", "ada", "schedule-1", 0, FIRST));
        assertThat(rotations("m-2")).containsExactly(new OwnershipRotated("m-2", "carl", "bob", "schedule-1", 0, FIRST));
        DomainEventMessage<?> rotated = service.messages("m-1").get(service.messages("m-1").size() - 1);
        assertThat(rotated.getMetaData()).containsEntry(EventMetadata.ACTOR, EventMetadata.SYSTEM_ACTOR)
                                         .containsEntry(EventMetadata.REASON, "scheduled rotation");

        service.advanceTo(SECOND);

        assertThat(rotations("m-1")).endsWith(new OwnershipRotated("m-1", "ada", "bob", "schedule-1", 1, SECOND));
        assertThat(rotations("m-2")).endsWith(new OwnershipRotated("m-2", "bob", "ada", "schedule-1", 1, SECOND));
    }

    @Test
    void aDeprecatedMetricLeavesTheRotationAndAnOwnerAlreadyInPlaceIsNotRotatedAgain() {
        twoMetricsOwnedByCarlRotatingBetweenAdaAndBob();
        service.send(new DeprecateMetric("m-1", "retired", null));
        // Handoff 0 gives m-2, now the team's first metric, to ada: she already owns it.
        service.send(new ChangeOwner("m-2", "ada"));

        service.advanceTo(FIRST);

        assertThat(rotations("m-1")).isEmpty();
        assertThat(service.stream("m-2")).last().isEqualTo(new OwnerChanged("m-2", "carl", "ada", T0));
    }
}
