package org.metriclifecycle.deploy.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Only a lost race for a stream is retried, once, and never from inside another unit of work or the caller's own
 * transaction.
 */
class ConcurrencyRetryTest {

    private final java.util.concurrent.atomic.AtomicBoolean insideCallersTransaction =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final ConcurrencyRetry retry = new ConcurrencyRetry(insideCallersTransaction::get);
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("a command");

    @AfterEach
    void stop() {
        retry.shutdown();
    }

    @Test
    void retriesALostRaceOnceAfterAFewMilliseconds() throws InterruptedException {
        CountDownLatch dispatched = new CountDownLatch(1);
        RuntimeException lost = new EventStoreException("append failed",
                new ConcurrencyException("sequence 4 was already inserted"));

        assertThat(retry.scheduleRetry(command, lost, failures(1), dispatched::countDown)).isTrue();
        assertThat(dispatched.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(retry.scheduleRetry(command, lost, failures(2), () -> { })).as("a second lost race").isFalse();
    }

    @Test
    void retriesTwoCreationsOfTheSameStream() {
        assertThat(retry.scheduleRetry(command, new AggregateStreamCreationException("team:search exists"),
                failures(1), () -> { })).isTrue();
    }

    @Test
    void leavesEveryOtherFailureAlone() {
        assertThat(retry.scheduleRetry(command, new IllegalStateException("the metric is deprecated"), failures(1),
                () -> { })).isFalse();
    }

    @Test
    void neverRetriesACommandSentFromAnotherUnitOfWork() {
        DefaultUnitOfWork<?> processing = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(retry.scheduleRetry(command, new ConcurrencyException("lost"), failures(1), () -> { }))
                    .isFalse();
        } finally {
            processing.rollback();
        }
    }

    @Test
    void neverRetriesACommandSentInsideTheCallersOwnTransaction() {
        insideCallersTransaction.set(true);
        assertThat(retry.scheduleRetry(command, new ConcurrencyException("lost"), failures(1), () -> { })).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[] {ConcurrencyException.class});
        }
        return failures;
    }
}
