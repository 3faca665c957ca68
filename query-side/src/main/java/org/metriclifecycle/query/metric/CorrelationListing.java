package org.metriclifecycle.query.metric;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.CorrelationSuperseded;
import org.metriclifecycle.events.DefinitionVersion;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.MetricDefinitionRevised;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.events.evidence.CountedCorrelations;
import org.metriclifecycle.events.evidence.RecordedCorrelation;

/**
 * Folds a metric's stream into the list of its correlations. Which ones count now is what the write side decided
 * with the hypothesis's latest correlation: the counting window it names (the counting rule then picks them), or,
 * recorded before windows were named, the ids it lists; a correlation judged the first way (it names neither)
 * counted when it was the latest conclusive one of its hypothesis. A major revision stops everything before it from
 * counting.
 */
public final class CorrelationListing {

    private final Map<String, CorrelationRecorded> recorded = new LinkedHashMap<>();
    private final Map<String, String> supersededBy = new HashMap<>();
    /** Per hypothesis whose latest correlation named a window: where it starts (null: nothing counts). */
    private final Map<String, Instant> windows = new HashMap<>();
    /** Per hypothesis whose latest correlation listed ids, or was judged the first way: the ids that count. */
    private final Map<String, Set<String>> listed = new HashMap<>();
    private final Set<String> hypotheses = new HashSet<>();
    private long currentMajor;

    public void apply(MetricEvent event) {
        if (event instanceof MetricProposed proposed) {
            currentMajor = DefinitionVersion.majorOf(proposed.version());
        } else if (event instanceof HypothesisLinked linked) {
            hypotheses.add(linked.hypothesisId());
        } else if (event instanceof CorrelationSuperseded superseded) {
            supersededBy.put(superseded.correlationId(), superseded.supersededBy());
            Set<String> ids = listed.get(superseded.hypothesisId());
            if (ids != null) {
                ids.remove(superseded.correlationId());
            }
        } else if (event instanceof CorrelationRecorded correlation) {
            record(correlation);
        } else if (event instanceof MetricDefinitionRevised revised) {
            currentMajor = DefinitionVersion.majorOf(revised.version());
            if (revised.major()) {
                windows.clear();
                listed.clear();
            }
        }
    }

    private void record(CorrelationRecorded correlation) {
        String hypothesisId = correlation.hypothesisId();
        recorded.put(correlation.correlationId(), correlation);
        if (correlation.listsCounted()) {
            windows.remove(hypothesisId);
            listed.put(hypothesisId, new HashSet<>(correlation.counted()));
        } else if (correlation.carriesStatus()) {
            listed.remove(hypothesisId);
            windows.put(hypothesisId, correlation.countedSince());
        } else if (correlation.verdict().isConclusive()) {
            windows.remove(hypothesisId);
            listed.put(hypothesisId, new HashSet<>(Set.of(correlation.correlationId())));
        }
    }

    public boolean hasHypothesis(String hypothesisId) {
        return hypotheses.contains(hypothesisId);
    }

    /** Newest first, of one hypothesis when {@code hypothesisId} is not null. */
    public List<CorrelationListItem> items(String hypothesisId) {
        List<CorrelationListItem> items = new ArrayList<>();
        for (CorrelationRecorded c : recorded.values()) {
            if (hypothesisId != null && !hypothesisId.equals(c.hypothesisId())) {
                continue;
            }
            items.add(new CorrelationListItem(c.correlationId(), c.hypothesisId(), c.coefficient(), c.sampleSize(),
                    c.periodStart(), c.periodEnd(), c.method(), c.source(), c.definitionVersion(), c.verdict(),
                    c.interval(), c.recordedAt(), counts(c), c.supersedes(), supersededBy.get(c.correlationId())));
        }
        Collections.reverse(items);
        return items;
    }

    private boolean counts(CorrelationRecorded c) {
        Set<String> ids = listed.get(c.hypothesisId());
        if (ids != null) {
            return ids.contains(c.correlationId());
        }
        Instant since = windows.get(c.hypothesisId());
        return since != null && CountedCorrelations.counts(new RecordedCorrelation(c.correlationId(), c.method(),
                c.coefficient(), c.sampleSize(), c.periodEnd(), DefinitionVersion.majorOf(c.definitionVersion()),
                supersededBy.containsKey(c.correlationId())), currentMajor, since);
    }
}
