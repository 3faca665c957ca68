package org.metriclifecycle.query.metric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.ShadowCheckConcluded;
import org.metriclifecycle.events.ShadowCheckExpired;
import org.metriclifecycle.events.ShadowCheckOpened;

/** Folds a metric's stream into the list of its shadow checks, oldest first. */
public final class ShadowCheckListing {

    private final Map<String, ShadowCheckView> checks = new LinkedHashMap<>();

    public void apply(MetricEvent event) {
        if (event instanceof ShadowCheckOpened opened) {
            checks.put(opened.checkId(), new ShadowCheckView(opened.checkId(), opened.change(), opened.evalDelta(),
                    opened.hypothesisId(), opened.observeUntil(), "OPEN", null, null));
        } else if (event instanceof ShadowCheckConcluded concluded) {
            checks.computeIfPresent(concluded.checkId(), (id, c) -> new ShadowCheckView(c.checkId(), c.change(),
                    c.evalDelta(), c.hypothesisId(), c.observeUntil(), concluded.result().name(), concluded.result(),
                    concluded.outcomeDelta()));
        } else if (event instanceof ShadowCheckExpired expired) {
            checks.computeIfPresent(expired.checkId(), (id, c) -> new ShadowCheckView(c.checkId(), c.change(),
                    c.evalDelta(), c.hypothesisId(), c.observeUntil(), "EXPIRED", null, null));
        }
    }

    public ShadowCheckList list() {
        return new ShadowCheckList(new ArrayList<>(checks.values()));
    }

    public List<ShadowCheckView> items() {
        return new ArrayList<>(checks.values());
    }
}
