package org.metriclifecycle.deploy.api;

import org.metriclifecycle.events.CorrelationInterval;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.Verdict;

/** The ids a write made, as SPEC's HTTP API answers them. */
final class WriteResponses {

    private WriteResponses() {
    }

    record MetricCreated(String metricId) {
    }

    /** {@code samplesNeeded} is null when minCorrelation is 0.99 or more. */
    record HypothesisCreated(String hypothesisId, Integer samplesNeeded) {
    }

    /** {@code interval} is null when the sample is too small to have one. */
    record CorrelationCreated(String correlationId, Verdict verdict, CorrelationInterval interval,
                              HypothesisStatus hypothesisStatus) {
    }

    record ShadowCheckOpened(String checkId, java.time.Instant observeUntil) {
    }

    record ShadowCheckConcluded(org.metriclifecycle.events.ShadowCheckResult result) {
    }

    record MetricDeprecated(String metricId) {
    }
}
