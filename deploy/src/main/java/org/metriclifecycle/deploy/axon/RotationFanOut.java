package org.metriclifecycle.deploy.axon;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.metriclifecycle.command.team.RotationDispatcher;
import org.metriclifecycle.events.RotationHandoffReached;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * Carries a team's handoff to its metrics after the handoff has committed: the handoff's transaction writes a
 * db-scheduler task (the outbox row, keyed by the event's id, so a handoff is enqueued once), and db-scheduler runs
 * it on one instance of the cluster, retrying with backoff until every metric has its owner. Each metric's change
 * is a command of its own, so a busy metric never holds up the team's handoff, and a metric ignores a handoff it
 * has already applied, so a retry changes no owner twice.
 */
final class RotationFanOut {

    static final String TASK = "rotation-fanout";

    private final OneTimeTask<String> task;
    private final ObjectMapper json;
    private final Supplier<SchedulerClient> scheduler;
    private final Clock clock;
    private final AfterCommit afterCommit;

    /**
     * @param gateway   the command gateway, once Axon is built
     * @param scheduler the deadline scheduler, once it is built
     */
    RotationFanOut(Supplier<CommandGateway> gateway, Supplier<SchedulerClient> scheduler, ObjectMapper json,
                   Clock clock, AfterCommit afterCommit) {
        this.json = json;
        this.scheduler = scheduler;
        this.clock = clock;
        this.afterCommit = afterCommit;
        RotationDispatcher dispatcher = new RotationDispatcher();
        this.task = Tasks.oneTime(TASK, String.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(2), 2.0))
                .execute((instance, context) -> dispatcher.on(read(instance.getData()), gateway.get()));
    }

    OneTimeTask<String> task() {
        return task;
    }

    /** The handler that writes the outbox row, in the handoff's own transaction. */
    Outbox handler() {
        return new Outbox(this);
    }

    @ProcessingGroup(Outbox.PROCESSING_GROUP)
    static final class Outbox {

        static final String PROCESSING_GROUP = "rotation-outbox";

        private final RotationFanOut fanOut;

        private Outbox(RotationFanOut fanOut) {
            this.fanOut = fanOut;
        }

        @EventHandler
        public void on(RotationHandoffReached event, @MessageIdentifier String eventId) {
            fanOut.enqueue(eventId, event);
        }
    }

    private void enqueue(String eventId, RotationHandoffReached event) {
        SchedulerClient client = scheduler.get();
        client.scheduleIfNotExists(task.instance(eventId, write(event)), clock.instant());
        // Due at once: ask db-scheduler to look now rather than at its next poll.
        afterCommit.run(() -> {
            if (client instanceof com.github.kagkarlsson.scheduler.Scheduler running) {
                running.triggerCheckForDueExecutions();
            }
        });
    }

    private String write(RotationHandoffReached event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("handoff not writable as JSON", e);
        }
    }

    private RotationHandoffReached read(String data) {
        try {
            return json.readValue(data, RotationHandoffReached.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable handoff in the rotation outbox", e);
        }
    }
}
