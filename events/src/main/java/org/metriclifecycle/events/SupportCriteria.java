package org.metriclifecycle.events;

/**
 * What a correlation must show to support a hypothesis: the sign ({@code direction}), a strength of at least
 * {@code minCorrelation}, and a sample of at least {@code minSampleSize} (smaller samples are inconclusive).
 */
public record SupportCriteria(Direction direction, double minCorrelation, int minSampleSize) {
}
