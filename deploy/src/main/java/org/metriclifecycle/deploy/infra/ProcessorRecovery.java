package org.metriclifecycle.deploy.infra;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Brings the event processors back as soon as the database is, instead of when their retry backoff next lets them.
 * A processor that cannot reach its token store waits 1, 2, 4 ... up to 60 s between attempts (Axon's fixed
 * schedule), so after an outage of a minute the read models (and every write waiting for them) could stay behind for
 * another minute. Once a second this checks the database; when it answers again after having failed, every processor
 * still waiting out its backoff is restarted, which resets it.
 * <p>
 * Only the transition from unreachable to reachable triggers a restart, so a processor failing for any other reason
 * keeps Axon's backoff.
 */
@Singleton
public class ProcessorRecovery {

    private static final Logger LOG = Logger.getLogger(ProcessorRecovery.class);
    private static final long CHECK_EVERY_MILLIS = 1_000;
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Inject
    ActiveDatabase database;
    @Inject
    AxonRuntime axon;

    private ScheduledExecutorService timer;
    private boolean databaseWasDown;

    void start(@Observes StartupEvent started) {
        if (!database.isPostgreSql()) {
            // The embedded database cannot be unreachable while the service runs.
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processor-recovery");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::check, CHECK_EVERY_MILLIS, CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void check() {
        try {
            if (!reachable()) {
                databaseWasDown = true;
                return;
            }
            if (databaseWasDown) {
                databaseWasDown = false;
                restartWaitingProcessors();
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not check the event processors after a database outage");
        }
    }

    private boolean reachable() {
        try (Connection connection = database.dataSource().getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private void restartWaitingProcessors() {
        for (Map.Entry<String, EventProcessor> entry : axon.configuration().eventProcessingConfiguration()
                .eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor processor && processor.isRunning()
                    && processor.isError()) {
                LOG.infof("the database is back: restarting event processor %s, which was waiting to retry",
                        entry.getKey());
                processor.shutdownAsync().orTimeout(30, TimeUnit.SECONDS).join();
                processor.start();
            }
        }
    }
}
