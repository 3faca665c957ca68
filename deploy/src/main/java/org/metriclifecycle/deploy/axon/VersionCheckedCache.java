package org.metriclifecycle.deploy.axon;

import java.lang.reflect.Field;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

/**
 * The aggregate cache for several instances on one database: a cached aggregate is used only while it is as new as
 * its stream in the store (one index lookup for the stream's last sequence), otherwise it is dropped and the stream
 * loaded afresh. Without the check, a metric whose hypothesis another instance linked would refuse a correlation for
 * that hypothesis from its stale copy; the store's unique key only guards appends, not refusals. A command defers the
 * check to the end, where it is needed only if the command appended nothing ({@link StaleCacheCheck}).
 */
final class VersionCheckedCache implements Cache {

    private static final Field VERSION = versionField();

    private final Cache delegate;
    private final Function<String, Optional<Long>> lastSequence;
    private final Predicate<String> staged;

    /**
     * @param lastSequence the stream's last stored sequence (read in the caller's transaction)
     * @param staged       whether the current unit of work has staged events for the stream
     */
    VersionCheckedCache(Cache delegate, Function<String, Optional<Long>> lastSequence, Predicate<String> staged) {
        this.delegate = delegate;
        this.lastSequence = lastSequence;
        this.staged = staged;
    }

    @Override
    public <K, V> V get(K key) {
        V value = delegate.get(key);
        if (value instanceof AggregateCacheEntry<?> entry) {
            Long version = version(entry);
            String aggregate = key.toString();
            // After a success, staged events for the stream will meet the unique key when they are appended.
            StaleCacheCheck.Hit hit = refused -> (refused || !staged.test(aggregate)) && !current(aggregate, version);
            if (!StaleCacheCheck.deferred(hit) && !current(aggregate, version)) {
                delegate.remove(key);
                return null;
            }
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return delegate.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T current = get(key);
        if (current != null) {
            return current;
        }
        T created = valueSupplier.get();
        put(key, created);
        return created;
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        delegate.computeIfPresent(key, update);
    }

    private boolean current(String aggregate, Long version) {
        return Objects.equals(version, lastSequence.apply(aggregate).orElse(null));
    }

    private static Long version(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field versionField() {
        // Axon keeps the cached aggregate's version private; it is the one fact this check needs.
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("AggregateCacheEntry no longer has a version field: check the Axon upgrade",
                    e);
        }
    }
}
