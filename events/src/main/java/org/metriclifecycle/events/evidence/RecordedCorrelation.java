package org.metriclifecycle.events.evidence;

import java.time.LocalDate;
import java.util.Optional;

import org.metriclifecycle.events.CorrelationMethod;

/**
 * What the counting rule and the pool need to know of one recorded correlation, in plain values so either side can
 * build it from its events.
 *
 * @param correlationId   its id (only carried, for the caller's bookkeeping)
 * @param method          how the coefficient was computed
 * @param coefficient     r
 * @param sampleSize      n
 * @param periodEnd       the last day of the period it measured
 * @param definitionMajor the major part of the definition version it was measured against
 * @param superseded      whether a later correction names it in {@code supersedes}
 */
public record RecordedCorrelation(String correlationId, CorrelationMethod method, double coefficient, int sampleSize,
                                  LocalDate periodEnd, long definitionMajor, boolean superseded) {

    public RecordedCorrelation {
        Arguments.notNull(method, "method");
        Arguments.coefficient(coefficient);
        Arguments.sampleSize(sampleSize);
        Arguments.notNull(periodEnd, "periodEnd");
    }

    /** Its Fisher estimate, empty when the sample is too small to have an interval. */
    public Optional<FisherEstimate> estimate() {
        return FisherEstimate.of(method, coefficient, sampleSize);
    }

    public boolean hasInterval() {
        return PearsonScale.hasInterval(method, sampleSize);
    }
}
