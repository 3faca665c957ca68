package org.metriclifecycle.command.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.command.metric.RotateOwner;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.RotationAssignment;
import org.metriclifecycle.events.RotationHandoffReached;

class RotationDispatcherTest {

    private static final Instant AT = Instant.parse("2026-01-05T09:00:10Z");

    private final RecordingGateway gateway = new RecordingGateway();
    private final RotationDispatcher dispatcher = new RotationDispatcher();

    private static RotationHandoffReached handoff(RotationAssignment... assignments) {
        return new RotationHandoffReached("search", "schedule-1", 7, AT, List.of(assignments));
    }

    @Test
    void sendsOneRotateOwnerPerAssignmentAsTheSystem() {
        dispatcher.on(handoff(new RotationAssignment("m-1", "ada"), new RotationAssignment("m-2", "bob")), gateway);

        assertThat(gateway.payloads()).containsExactly(
                new RotateOwner("m-1", "ada", "schedule-1", 7), new RotateOwner("m-2", "bob", "schedule-1", 7));
        assertThat(gateway.sent).allSatisfy(command -> assertThat(command.getMetaData()).isEqualTo(
                MetaData.with(EventMetadata.ACTOR, EventMetadata.SYSTEM_ACTOR)
                        .and(EventMetadata.REASON, "scheduled rotation")));
    }

    @Test
    void sendsNothingForATeamWithoutMetrics() {
        dispatcher.on(handoff(), gateway);

        assertThat(gateway.sent).isEmpty();
    }

    @Test
    void skipsAMetricThatDoesNotExistAndCarriesOn() {
        gateway.failFor.put("m-1", new AggregateNotFoundException("m-1", "not found"));

        dispatcher.on(handoff(new RotationAssignment("m-1", "ada"), new RotationAssignment("m-2", "bob")), gateway);

        assertThat(gateway.payloads()).containsExactly(
                new RotateOwner("m-1", "ada", "schedule-1", 7), new RotateOwner("m-2", "bob", "schedule-1", 7));
    }

    @Test
    void anyOtherFailurePropagatesSoTheProcessorRetries() {
        IllegalStateException storeDown = new IllegalStateException("event store unavailable");
        gateway.failFor.put("m-1", storeDown);

        assertThatThrownBy(() -> dispatcher.on(
                handoff(new RotationAssignment("m-1", "ada"), new RotationAssignment("m-2", "bob")), gateway))
                .isSameAs(storeDown);
        assertThat(gateway.sent).hasSize(1);
    }

    /** Records what is sent and answers as the command bus would: with nothing, or the handler's exception. */
    private static final class RecordingGateway implements CommandGateway {

        final List<CommandMessage<?>> sent = new ArrayList<>();
        final Map<String, RuntimeException> failFor = new HashMap<>();

        List<Object> payloads() {
            return sent.stream().map(CommandMessage::getPayload).collect(Collectors.toList());
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R sendAndWait(Object command) {
            CommandMessage<?> message = (CommandMessage<?>) command;
            sent.add(message);
            RuntimeException failure = failFor.get(((RotateOwner) message.getPayload()).metricId());
            if (failure != null) {
                throw failure;
            }
            return null;
        }

        @Override
        public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException("the dispatcher waits without a timeout");
        }

        @Override
        public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
            throw new UnsupportedOperationException("the dispatcher waits for each command");
        }

        @Override
        public <R> CompletableFuture<R> send(Object command) {
            throw new UnsupportedOperationException("the dispatcher waits for each command");
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
            throw new UnsupportedOperationException();
        }
    }
}
