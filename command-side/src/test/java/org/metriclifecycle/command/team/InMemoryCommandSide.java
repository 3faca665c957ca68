package org.metriclifecycle.command.team;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.metriclifecycle.command.LifecycleSettings;
import org.metriclifecycle.command.SimulatedClock;
import org.metriclifecycle.command.RotationSettings;
import org.metriclifecycle.command.TeamSettings;
import org.metriclifecycle.command.metric.MetricAggregate;

/**
 * The command side assembled the way the service assembles it (both aggregates, {@link MetricAdmission}, the
 * {@link RotationDispatcher}, clock and settings as components), on an in-memory event store and a stub deadline
 * manager whose time is the clock's.
 */
final class InMemoryCommandSide implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final LifecycleSettings LIFECYCLE = new LifecycleSettings(Duration.ofSeconds(42), Duration.ofSeconds(90), Duration.ofSeconds(1));

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final CommitAwareStubDeadlineManager deadlines = new CommitAwareStubDeadlineManager(T0);
    private final Configuration configuration;

    InMemoryCommandSide(TeamSettings teamSettings) {
        SimulatedClock clock = new SimulatedClock(deadlines::getCurrentDateTime);
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> storage)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(MetricAggregate.class))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(TeamAggregate.class))
                .registerCommandHandler(c -> new MetricAdmission(c.repository(TeamAggregate.class),
                        c.repository(MetricAggregate.class)))
                .registerComponent(Clock.class, c -> clock)
                .registerComponent(LifecycleSettings.class, c -> LIFECYCLE)
                .registerComponent(TeamSettings.class, c -> teamSettings)
                .registerComponent(RotationSettings.class, c -> TeamTestData.ROTATION)
                .configureDeadlineManager(c -> deadlines)
                .eventProcessing(processing -> processing.usingSubscribingEventProcessors()
                                                         .registerEventHandler(c -> new RotationDispatcher()));
        configuration = configurer.start();
    }

    <R> R send(Object command) {
        return configuration.commandGateway().sendAndWait(command);
    }

    <R> R send(CommandMessage<?> command) {
        return configuration.commandGateway().sendAndWait(command);
    }

    /** The payloads of one stream, oldest first; empty for a stream that does not exist. */
    List<Object> stream(String aggregateId) {
        return messages(aggregateId).stream().map(Message::getPayload).collect(Collectors.toList());
    }

    List<DomainEventMessage<?>> messages(String aggregateId) {
        return configuration.eventStore().readEvents(aggregateId).asStream().collect(Collectors.toList());
    }

    /** Every event stored, of every stream. */
    long storedEvents() {
        return storage.readEvents(null, false).count();
    }

    int scheduledDeadlines() {
        return deadlines.getScheduledDeadlines().size();
    }

    /** Moves time on, delivering every deadline that falls due on the way, as the service's scheduler would. */
    void advanceTo(Instant instant) {
        deadlines.advanceTimeTo(instant, this::deliver);
    }

    /** Stores an event as if an earlier version of the service had, bypassing every handler. */
    void storeDirectly(DomainEventMessage<?> event) {
        storage.appendEvents(List.of(event));
    }

    private void deliver(ScopeDescriptor scope, DeadlineMessage<?> deadline) {
        DefaultUnitOfWork.startAndGet(deadline).execute(() -> {
            for (ScopeAware target : configuration.scopeAwareProvider().provideScopeAwareStream(scope)
                                                  .collect(Collectors.toList())) {
                if (target.canResolve(scope)) {
                    try {
                        target.send(deadline, scope);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        });
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}
