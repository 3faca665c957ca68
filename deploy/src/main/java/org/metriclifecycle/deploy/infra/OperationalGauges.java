package org.metriclifecycle.deploy.infra;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.event.Observes;
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

    private double pendingDeadlines() {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM scheduled_tasks")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
