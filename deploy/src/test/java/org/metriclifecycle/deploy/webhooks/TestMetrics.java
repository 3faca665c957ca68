package org.metriclifecycle.deploy.webhooks;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.MetricDeprecated;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.events.Verdict;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.MetricViewFold;
import org.metriclifecycle.query.metric.MetricViewStore;

/** Metric views made the way the projection makes them: by folding events. */
final class TestMetrics {

    private TestMetrics() {
    }

    static MetricView proposed(String metricId, String team, Instant proposedAt, Instant linkDeadline) {
        return MetricViewFold.apply(null, new MetricProposed(metricId, "groundedness " + metricId, "d", team, "lena",
                "1.0", "en", "why", proposedAt, linkDeadline));
    }

    static MetricView linked(MetricView proposed) {
        return MetricViewFold.apply(proposed, new HypothesisLinked(proposed.metricId(), "h-" + proposed.metricId(),
                "user errors", "correlates", Direction.POSITIVE, 0.5, 10));
    }

    static MetricView validated(MetricView proposed, Instant recordedAt, Instant revalidationDue) {
        return MetricViewFold.apply(linked(proposed), new CorrelationRecorded(proposed.metricId(), "c-1",
                "h-" + proposed.metricId(), 0.9, 100, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"),
                CorrelationMethod.PEARSON, "pipe", "1.0", Verdict.SUPPORTED, recordedAt, revalidationDue));
    }

    static MetricView deprecated(MetricView view, Instant at) {
        return MetricViewFold.apply(view, new MetricDeprecated(view.metricId(), "obsolete", null, at));
    }

    /** Answers {@code activeOfTeam} only, which is all the scan asks of the store. */
    static MetricViewStore activeByTeam(Map<String, List<MetricView>> metrics) {
        return (MetricViewStore) Proxy.newProxyInstance(TestMetrics.class.getClassLoader(),
                new Class<?>[]{MetricViewStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("activeOfTeam")) {
                        return metrics.getOrDefault((String) args[0], List.of());
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
