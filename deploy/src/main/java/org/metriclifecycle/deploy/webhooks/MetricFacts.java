package org.metriclifecycle.deploy.webhooks;

/** What a notification says about the metric it concerns. */
public record MetricFacts(String metricId, String name, String team, String owner) {
}
