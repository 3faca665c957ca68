package org.metriclifecycle.command.metric;

import java.time.Clock;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Repository;
import org.metriclifecycle.command.LifecycleSettings;

/**
 * What {@code MetricAdmission} does to the metric's own stream, without the team's budget: it lets the aggregate
 * fixture propose and deprecate through the aggregate's real constructor and {@link MetricAggregate#deprecate}, with
 * the link-window deadline scheduled as in the service. {@code MetricAdmissionTest} covers the budget.
 */
final class FixtureMetricAdmission {

    private final Repository<MetricAggregate> metrics;

    FixtureMetricAdmission(Repository<MetricAggregate> metrics) {
        this.metrics = metrics;
    }

    @CommandHandler
    public String handle(ProposeMetric command, Clock clock, LifecycleSettings settings,
                         DeadlineManager deadlineManager) throws Exception {
        metrics.newInstance(() -> new MetricAggregate(command, clock, settings, deadlineManager));
        return command.metricId();
    }

    /** Without the roster check, which {@code MetricAdmissionTest} covers. */
    @CommandHandler
    public void handle(ChangeOwner command, Clock clock) {
        metrics.load(command.metricId()).execute(metric -> metric.changeOwner(command, clock));
    }

    @CommandHandler
    public void handle(DeprecateMetric command, Clock clock) {
        metrics.load(command.metricId()).execute(metric -> metric.deprecate(command, clock));
    }
}
