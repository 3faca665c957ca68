package org.metriclifecycle.events;

/** How a pipeline computed a correlation coefficient. */
public enum CorrelationMethod {
    PEARSON,
    SPEARMAN,
    KENDALL
}
