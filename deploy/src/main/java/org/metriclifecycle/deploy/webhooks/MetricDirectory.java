package org.metriclifecycle.deploy.webhooks;

import java.util.Optional;

/** Finds the metric an event names (its team decides who is notified; its name makes the summary readable). */
public interface MetricDirectory {

    Optional<MetricFacts> find(String metricId);
}
