package org.metriclifecycle.deploy.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A command on a cached aggregate reads the store only when nothing it appends would reveal that another instance moved
 * the stream on, and then runs again if it did.
 */
class StaleCacheCheckTest {

    private final Map<String, Long> stored = new HashMap<>(Map.of("m1", 4L, "m2", 7L));
    private final Set<String> staged = new HashSet<>();
    private final AtomicInteger reads = new AtomicInteger();
    private static final AggregateModel<Root> MODEL = AnnotatedAggregateMetaModelFactory.inspectAggregate(Root.class);

    private final Map<String, AggregateCacheEntry<Root>> entries = new HashMap<>();
    private final VersionCheckedCache cache = new VersionCheckedCache(new WeakReferenceCache(), aggregate -> {
        reads.incrementAndGet();
        return Optional.ofNullable(stored.get(aggregate));
    }, staged::contains);
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("record a correlation");

    @AfterEach
    void noUnitOfWorkLeft() {
        assertThat(CurrentUnitOfWork.isStarted()).isFalse();
    }

    @Test
    void aCommandThatAppendsToItsCachedAggregateReadsNothing() throws Exception {
        cached("m1", 4L);

        Object answer = run(() -> {
            hit("m1");
            staged.add("m1");
            return "c1";
        });

        assertThat(answer).isEqualTo("c1");
        assertThat(reads).hasValue(0);
    }

    @Test
    void aRefusalFromAStaleAggregateRunsAgain() {
        cached("m1", 3L);
        IllegalArgumentException refusal = new IllegalArgumentException("unknown hypothesis h9");

        assertThatThrownBy(() -> run(() -> {
            hit("m1");
            throw refusal;
        })).isInstanceOf(StaleCacheCheck.StaleAggregateException.class).hasCause(refusal);
    }

    @Test
    void aRefusalFromAnUpToDateAggregateStandsEvenAfterItStagedEvents() {
        cached("m1", 4L);
        IllegalArgumentException refusal = new IllegalArgumentException("the metric is deprecated");

        assertThatThrownBy(() -> run(() -> {
            hit("m1");
            staged.add("m1");
            throw refusal;
        })).isSameAs(refusal);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aSuccessThatAppendedNothingIsCheckedToo() {
        cached("m1", 2L);

        assertThatThrownBy(() -> run(() -> {
            hit("m1");
            return "owner unchanged";
        })).isInstanceOf(StaleCacheCheck.StaleAggregateException.class);
    }

    @Test
    void anAggregateOnlyConsultedIsCheckedEvenWhenAnotherIsAppendedTo() {
        cached("m1", 4L);
        cached("m2", 6L);

        assertThatThrownBy(() -> run(() -> {
            hit("m1");
            hit("m2");
            staged.add("m1");
            return "deprecated m1, replaced by m2";
        })).isInstanceOf(StaleCacheCheck.StaleAggregateException.class);
        assertThat(reads).as("only m2 read").hasValue(1);
    }

    @Test
    void aLostRaceIsLeftToTheRetryAsItIs() {
        cached("m1", 3L);
        ConcurrencyException lost = new ConcurrencyException("sequence 4 was already inserted");

        assertThatThrownBy(() -> run(() -> {
            hit("m1");
            throw lost;
        })).isSameAs(lost);
        assertThat(reads).hasValue(0);
    }

    @Test
    void outsideACommandAStaleEntryIsDroppedAtOnce() {
        cached("m1", 3L);
        cached("m2", 7L);
        DefaultUnitOfWork<?> deadline = DefaultUnitOfWork.startAndGet(GenericDeadlineMessage.asDeadlineMessage(
                "linkDeadline", null, Instant.EPOCH));
        try {
            assertThat((Object) cache.get("m1")).as("stale: loaded afresh").isNull();
            assertThat((Object) cache.get("m2")).as("current").isNotNull();
        } finally {
            deadline.rollback();
        }
        assertThat(reads).hasValue(2);
    }

    private void cached(String aggregate, long version) {
        entries.put(aggregate, entry(version));
        cache.put(aggregate, entries.get(aggregate));
    }

    private void hit(String aggregate) {
        assertThat((Object) cache.get(aggregate)).isSameAs(entries.get(aggregate));
    }

    private static AggregateCacheEntry<Root> entry(long version) {
        return new AggregateCacheEntry<>(EventSourcedAggregate.reconstruct(new Root(), MODEL, version, false,
                SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER));
    }

    private Object run(Handler handler) throws Exception {
        DefaultUnitOfWork<CommandMessage<?>> unit = DefaultUnitOfWork.startAndGet(command);
        InterceptorChain chain = handler::handle;
        try {
            return StaleCacheCheck.commandInterceptor().handle(unit, chain);
        } finally {
            unit.rollback();
        }
    }

    @FunctionalInterface
    private interface Handler {
        Object handle() throws Exception;
    }

    /** Any aggregate: the cache only looks at an entry's version. */
    static final class Root {
        @AggregateIdentifier
        String id;
    }
}
