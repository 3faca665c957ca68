package org.metriclifecycle.query.metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.CorrelationSuperseded;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.MetricDefinitionRevised;
import org.metriclifecycle.events.MetricEvent;

/**
 * Folds a metric's stream into the list of its correlations. Which ones count now is what the write side decided
 * with the hypothesis's latest correlation (the ids it carries); a correlation judged the first way (it carries
 * none) counted when it was the latest conclusive one of its hypothesis. A major revision stops everything before it
 * from counting.
 */
public final class CorrelationListing {

    private final Map<String, CorrelationRecorded> recorded = new LinkedHashMap<>();
    private final Map<String, String> supersededBy = new HashMap<>();
    /** Per hypothesis, the ids that count now. */
    private final Map<String, Set<String>> counted = new HashMap<>();
    private final Set<String> hypotheses = new HashSet<>();

    public void apply(MetricEvent event) {
        if (event instanceof HypothesisLinked linked) {
            hypotheses.add(linked.hypothesisId());
        } else if (event instanceof CorrelationSuperseded superseded) {
            supersededBy.put(superseded.correlationId(), superseded.supersededBy());
            Set<String> ids = counted.get(superseded.hypothesisId());
            if (ids != null) {
                ids.remove(superseded.correlationId());
            }
        } else if (event instanceof CorrelationRecorded correlation) {
            recorded.put(correlation.correlationId(), correlation);
            if (correlation.counted() != null) {
                counted.put(correlation.hypothesisId(), new HashSet<>(correlation.counted()));
            } else if (correlation.verdict().isConclusive()) {
                counted.put(correlation.hypothesisId(), new HashSet<>(Set.of(correlation.correlationId())));
            }
        } else if (event instanceof MetricDefinitionRevised revised && revised.major()) {
            counted.clear();
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
            boolean counts = counted.getOrDefault(c.hypothesisId(), Set.of()).contains(c.correlationId());
            items.add(new CorrelationListItem(c.correlationId(), c.hypothesisId(), c.coefficient(), c.sampleSize(),
                    c.periodStart(), c.periodEnd(), c.method(), c.source(), c.definitionVersion(), c.verdict(),
                    c.interval(), c.recordedAt(), counts, c.supersedes(), supersededBy.get(c.correlationId())));
        }
        java.util.Collections.reverse(items);
        return items;
    }
}
