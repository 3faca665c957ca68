package org.metriclifecycle.command.metric;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.metriclifecycle.events.evidence.CountedCorrelations;
import org.metriclifecycle.events.evidence.FisherEstimate;
import org.metriclifecycle.events.evidence.PoolSums;
import org.metriclifecycle.events.evidence.RevalidationDue;

/**
 * The correlations of one hypothesis that may count at one major definition version (not superseded, with an
 * interval), grouped by the day their period ends, each day with the exact pool sums of its correlations, and by
 * source. Judging a new correlation then costs one step per day of the counting window (and one per correlation of its
 * own source), however many correlations the hypothesis has. Derived from the aggregate's state, never stored.
 */
final class EligibleCorrelations {

    /** An eligible correlation and its estimate. */
    record Entry(StoredCorrelation correlation, FisherEstimate estimate) {
    }

    /** What counts in a window: where it starts (null: nothing counts), the pool's sums, and the latest due date. */
    record Counted(Instant since, PoolSums sums, Instant latestDue) {
    }

    /** The eligible correlations whose period ends on one day, their sums and the latest of their recordings. */
    private static final class Day {
        final List<Entry> entries = new ArrayList<>();
        final PoolSums sums = new PoolSums();
        Instant latestRecordedAt;

        void add(Entry entry) {
            entries.add(entry);
            sums.add(entry.estimate());
            latestRecordedAt = later(latestRecordedAt, entry.correlation().recordedAt());
        }

        void remove(Entry entry) {
            entries.remove(entry);
            sums.remove(entry.estimate());
            latestRecordedAt = null;
            entries.forEach(e -> latestRecordedAt = later(latestRecordedAt, e.correlation().recordedAt()));
        }

        /** The latest recording, {@code leaving} (one of these entries, or null) left out. */
        Instant latestRecordedAt(Entry leaving) {
            if (leaving == null) {
                return latestRecordedAt;
            }
            Instant latest = null;
            for (Entry entry : entries) {
                if (entry != leaving) {
                    latest = later(latest, entry.correlation().recordedAt());
                }
            }
            return latest;
        }
    }

    private final long major;
    private final Map<String, Entry> byId = new HashMap<>();
    private final TreeMap<LocalDate, Day> days = new TreeMap<>();
    private final Map<String, List<Entry>> bySource = new HashMap<>();

    private EligibleCorrelations(long major) {
        this.major = major;
    }

    static EligibleCorrelations of(Collection<StoredCorrelation> correlations, long major) {
        EligibleCorrelations eligible = new EligibleCorrelations(major);
        correlations.forEach(eligible::add);
        return eligible;
    }

    long major() {
        return major;
    }

    /** The entry a correlation would have, or null when it is not eligible at this major version. */
    Entry entryFor(StoredCorrelation correlation) {
        if (!CountedCorrelations.isEligible(correlation.asRecorded(), major)) {
            return null;
        }
        return new Entry(correlation, correlation.asRecorded().estimate().orElseThrow());
    }

    void add(StoredCorrelation correlation) {
        Entry entry = entryFor(correlation);
        if (entry == null || byId.putIfAbsent(correlation.correlationId(), entry) != null) {
            return;
        }
        days.computeIfAbsent(correlation.periodEnd(), d -> new Day()).add(entry);
        bySource.computeIfAbsent(sourceKey(correlation.source()), s -> new ArrayList<>()).add(entry);
    }

    void remove(String correlationId) {
        Entry entry = byId.remove(correlationId);
        if (entry == null) {
            return;
        }
        LocalDate periodEnd = entry.correlation().periodEnd();
        Day day = days.get(periodEnd);
        day.remove(entry);
        if (day.entries.isEmpty()) {
            days.remove(periodEnd);
        }
        List<Entry> sameSource = bySource.get(sourceKey(entry.correlation().source()));
        sameSource.remove(entry);
    }

    /**
     * What counts once {@code removed} (an id, or null) stops counting and {@code added} (an entry, or null) joins:
     * the window runs from one revalidation interval before the latest eligible {@code periodEnd}.
     */
    Counted counted(Duration interval, String removed, Entry added) {
        Entry leaving = removed == null ? null : byId.get(removed);
        LocalDate latest = latestDay(leaving);
        if (added != null && (latest == null || added.correlation().periodEnd().isAfter(latest))) {
            latest = added.correlation().periodEnd();
        }
        if (latest == null) {
            return new Counted(null, new PoolSums(), null);
        }
        Instant since = CountedCorrelations.windowFrom(latest, interval);
        LocalDate firstDay = CountedCorrelations.firstDayIn(since);
        PoolSums sums = new PoolSums();
        Instant latestDue = null;
        for (Map.Entry<LocalDate, Day> day : days.tailMap(firstDay, true).entrySet()) {
            sums.addAll(day.getValue().sums);
            boolean leavesThisDay = leaving != null && leaving.correlation().periodEnd().equals(day.getKey());
            Instant recordedAt = day.getValue().latestRecordedAt(leavesThisDay ? leaving : null);
            if (recordedAt != null) {
                // Each due date is min(recordedAt, end of the day) + the interval: the latest recording decides.
                latestDue = later(latestDue, RevalidationDue.of(recordedAt, day.getKey(), interval));
            }
        }
        if (leaving != null && !leaving.correlation().periodEnd().isBefore(firstDay)) {
            sums.remove(leaving.estimate());
        }
        if (added != null && !added.correlation().periodEnd().isBefore(firstDay)) {
            sums.add(added.estimate());
            latestDue = later(latestDue, due(added, interval));
        }
        return new Counted(since, sums, latestDue);
    }

    /** Where the counting window starts now; null when nothing counts. */
    Instant since(Duration interval) {
        LocalDate latest = latestDay(null);
        return latest == null ? null : CountedCorrelations.windowFrom(latest, interval);
    }

    /** The counted correlations from {@code source} (null: none named) in the window from {@code since}. */
    List<StoredCorrelation> countedFrom(String source, Instant since) {
        List<StoredCorrelation> counted = new ArrayList<>();
        if (since == null) {
            return counted;
        }
        LocalDate firstDay = CountedCorrelations.firstDayIn(since);
        for (Entry entry : bySource.getOrDefault(sourceKey(source), List.of())) {
            if (!entry.correlation().periodEnd().isBefore(firstDay)) {
                counted.add(entry.correlation());
            }
        }
        return counted;
    }

    private LocalDate latestDay(Entry leaving) {
        if (days.isEmpty()) {
            return null;
        }
        Map.Entry<LocalDate, Day> last = days.lastEntry();
        if (leaving != null && last.getValue().entries.size() == 1 && last.getValue().entries.get(0) == leaving) {
            return days.lowerKey(last.getKey());
        }
        return last.getKey();
    }

    private static Instant due(Entry entry, Duration interval) {
        return RevalidationDue.of(entry.correlation().recordedAt(), entry.correlation().periodEnd(), interval);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    /** Correlations that name no source are one source of their own. */
    private static String sourceKey(String source) {
        return Objects.requireNonNullElse(source, "\u0000none");
    }
}
