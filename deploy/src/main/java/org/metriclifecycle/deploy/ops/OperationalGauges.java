package org.metriclifecycle.deploy.ops;

import org.metriclifecycle.deploy.axon.RecurringWork;
import org.metriclifecycle.deploy.webhooks.WebhookDeliveries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

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
        } catch (RuntimeException databaseUnreachable) {
            return Double.NaN;
        }
    }

    /** Recurring work (the audit checkpoint) keeps one row in the table for good: it is never pending. */
    private double pendingDeadlines() {
        List<String> recurring = this.recurring.stream().map(RecurringWork::name).toList();
        String sql = "SELECT count(*) FROM scheduled_tasks" + (recurring.isEmpty() ? ""
                : " WHERE task_name NOT IN (" + String.join(", ", Collections.nCopies(recurring.size(), "?")) + ")");
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < recurring.size(); i++) {
                statement.setString(i + 1, recurring.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
