package org.metriclifecycle.deploy.api;

import org.metriclifecycle.events.Verdict;

/** The ids a write made, as SPEC's HTTP API answers them. */
final class WriteResponses {

    private WriteResponses() {
    }

    record MetricCreated(String metricId) {
    }

    record HypothesisCreated(String hypothesisId) {
    }

    record CorrelationCreated(String correlationId, Verdict verdict) {
    }

    record MetricDeprecated(String metricId) {
    }
}
