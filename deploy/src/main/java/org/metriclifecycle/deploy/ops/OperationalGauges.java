package org.metriclifecycle.deploy.ops;

import java.util.Collections;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

import org.metriclifecycle.deploy.axon.RecurringWork;
import org.metriclifecycle.deploy.webhooks.WebhookDeliveries;
import org.metriclifecycle.query.jdbc.Sql;

/**
 * Prometheus gauges an operator alerts on: pending deadlines and
 * webhook deliveries waiting to be sent.
 */
@Singleton
public class OperationalGauges {

    @Inject
    MeterRegistry registry;
    @Inject
    ActiveDatabase database;
    @Inject
    WebhookDeliveries webhookDeliveries;
    @Inject
    Instance<RecurringWork> recurring;

    void register(@Observes StartupEvent started) {
        Gauge.builder("metric_lifecycle.deadlines.pending", this::pendingDeadlines)
                .description("deadlines (link windows, revalidations, handoffs) and rotation fan-outs not yet run")
                .register(registry);
        Gauge.builder("metric_lifecycle.webhooks.pending", this::pendingWebhooks)
                .description("webhook deliveries not yet answered with 2xx and not yet given up")
                .register(registry);
    }

    private double pendingWebhooks() {
        try {
            return webhookDeliveries.pending();
        } catch (IllegalStateException e) {
            return Double.NaN;
        }
    }

    /** Recurring work (the audit checkpoint) keeps one row in the table for good: it is never pending. */
    private double pendingDeadlines() {
        List<String> recurring = this.recurring.stream().map(RecurringWork::name).toList();
        String sql = "SELECT count(*) FROM scheduled_tasks" + (recurring.isEmpty() ? ""
                : " WHERE task_name NOT IN (" + String.join(", ", Collections.nCopies(recurring.size(), "?")) + ")");
        try {
            return database.sql().first("deadlines not countable", rows -> rows.getLong(1), sql, recurring.toArray())
                    .orElseThrow();
        } catch (Sql.Failure e) {
            return Double.NaN;
        }
    }
}
