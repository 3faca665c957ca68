package org.metriclifecycle.events;

import org.metriclifecycle.events.evidence.Interval;

/** A correlation's confidence interval on the Pearson scale, at its hypothesis's confidence. */
public record CorrelationInterval(double low, double high) {

    public static CorrelationInterval of(Interval interval) {
        return new CorrelationInterval(interval.low(), interval.high());
    }
}
