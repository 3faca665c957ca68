package org.metriclifecycle.command.metric;

import org.metriclifecycle.events.CorrelationInterval;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.Verdict;

/** What recording a correlation decided: its own verdict and interval (null when none), and its hypothesis's status. */
public record CorrelationJudged(Verdict verdict, CorrelationInterval interval, HypothesisStatus hypothesisStatus) {
}
