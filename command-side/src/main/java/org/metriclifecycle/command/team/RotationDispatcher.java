package org.metriclifecycle.command.team;

import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.metriclifecycle.command.metric.MetricAggregate;
import org.metriclifecycle.command.metric.RotateOwner;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.RotationAssignment;
import org.metriclifecycle.events.RotationHandoffReached;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries a team's handoff to its metrics' streams: one {@link RotateOwner} per assignment, sent as the system. A
 * failure propagates so that the processor retries the whole event; a metric ignores a handoff it already applied,
 * so the retry changes no owner twice.
 */
@ProcessingGroup(RotationDispatcher.PROCESSING_GROUP)
public class RotationDispatcher {

    public static final String PROCESSING_GROUP = "rotation-dispatch";

    private static final Logger LOG = LoggerFactory.getLogger(RotationDispatcher.class);
    private static final Map<String, String> SYSTEM = Map.of(
            EventMetadata.ACTOR, EventMetadata.SYSTEM_ACTOR,
            EventMetadata.REASON, MetricAggregate.SCHEDULED_ROTATION_REASON);

    // A replay must not hand metrics over again: handoffs are decisions of their moment, not a view to rebuild.
    @DisallowReplay
    @EventHandler
    public void on(RotationHandoffReached event, CommandGateway commands) {
        for (RotationAssignment assignment : event.assignments()) {
            RotateOwner command = new RotateOwner(assignment.metricId(), assignment.owner(), event.scheduleId(),
                    event.handoff());
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(SYSTEM));
            } catch (AggregateNotFoundException missing) {
                // Retrying cannot make the metric appear; the other metrics must still get their owners.
                LOG.warn("team {} handoff {}: metric {} not found, its owner is left as it is", event.team(),
                        event.handoff(), assignment.metricId());
            }
        }
    }
}
