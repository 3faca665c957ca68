package org.metriclifecycle.deploy.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

class UnitOfWorkClockTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant STORY = Instant.parse("2026-09-08T10:00:00Z");

    private final UnitOfWorkClock clock = new UnitOfWorkClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aUnitOfWorkAnswersTheInstantItFirstAskedEveryTime() {
        UnitOfWorkClock ticking = new UnitOfWorkClock(new Clock() {
            private Instant next = NOW;

            @Override
            public Instant instant() {
                Instant current = next;
                next = next.plusMillis(1);
                return current;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        });
        AtomicReference<Instant> second = new AtomicReference<>();
        Instant first = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            Instant asked = ticking.instant();
            second.set(ticking.instant());
            return asked;
        }).getPayload();
        assertThat(second.get()).isEqualTo(first);
        assertThat(ticking.instant()).isAfter(first);
    }

    @Test
    void pretendingDatesWhatRunsOnThisThreadOnlyWhileItRuns() {
        AtomicReference<Instant> inside = new AtomicReference<>();
        AtomicReference<Instant> insideUnitOfWork = new AtomicReference<>();
        UnitOfWorkClock.pretending(STORY, () -> {
            inside.set(clock.instant());
            insideUnitOfWork.set(DefaultUnitOfWork.startAndGet(null).executeWithResult(clock::instant).getPayload());
        });
        assertThat(inside.get()).isEqualTo(STORY);
        assertThat(insideUnitOfWork.get()).isEqualTo(STORY);
        assertThat(clock.instant()).isEqualTo(NOW);
    }
}
