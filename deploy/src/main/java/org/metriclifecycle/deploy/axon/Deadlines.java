package org.metriclifecycle.deploy.axon;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.metriclifecycle.deploy.ops.ActiveDatabase;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;

/**
 * Durable time on db-scheduler, shared by every instance through the {@code scheduled_tasks} table: the aggregates'
 * deadlines, the rotation fan-out's outbox tasks and the {@link RecurringWork} of every feature. Each task runs on one
 * instance: db-scheduler picks an execution with an optimistic update of its row. The scheduler starts and stops
 * with Axon's deadline manager.
 */
@Singleton
class Deadlines {

    private final Scheduler scheduler;
    private final RotationFanOut rotation;
    private volatile DbSchedulerDeadlineManager manager;

    @Inject
    Deadlines(ActiveDatabase database, Clock clock, DeadlinesConfig config, Instance<RecurringWork> recurring,
              Instance<CommandGateway> gateway, AfterCommit afterCommit) {
        this.rotation = new RotationFanOut(gateway::get, this::scheduler, EventSerialization.mapper(), clock,
                afterCommit);
        var builder = Scheduler.create(database.dataSource(),
                        List.of(DeadlineTask.create(() -> manager), rotation.task()))
                .startTasks(RecurringTasks.of(recurring))
                .tableName("scheduled_tasks")
                .serializer(new JacksonSerializer())
                .clock(clock::instant)
                .threads(2)
                // Each poll is a query: long enough that an idle instance stays idle, short enough that a deadline
                // fires within seconds of its instant. Outbox tasks due at once are woken after their commit.
                .pollingInterval(config.pollInterval())
                // A deadline that was running when its node died is retried by another node after 4 missed
                // heartbeats (~40 s at the default 10 s), not db-scheduler's default ~30 min.
                .heartbeatInterval(config.heartbeatInterval())
                .missedHeartbeatsLimit(4)
                .shutdownMaxWait(Duration.ofSeconds(5));
        if (!database.isPostgreSql()) {
            builder.alwaysPersistTimestampInUTC();
        }
        this.scheduler = builder.build();
    }

    Scheduler scheduler() {
        return scheduler;
    }

    /** The handler that writes a handoff's fan-out task in the handoff's own transaction. */
    Object rotationOutbox() {
        return rotation.handler();
    }

    /** Axon's deadline manager on this scheduler, for the configuration {@code axon} (built once, by Axon). */
    DeadlineManager manager(Configuration axon, TransactionManager transactions) {
        manager = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(EventSerialization.serializer())
                .transactionManager(transactions)
                .useBinaryPojo(false)
                .build();
        return manager;
    }
}
