package org.metriclifecycle.deploy.axon;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.query.metric.ViewJson;
import org.metriclifecycle.query.metric.jpa.JpaMetricViewStore;
import org.metriclifecycle.query.team.jpa.JpaTeamViewStore;

/**
 * The metric and team views' stores, built once on the active database. They are plain classes of the query side
 * (no CDI there); these producers make them beans for the projections, the query handlers and the HTTP layer.
 */
@Singleton
class ReadModels {

    @Produces
    @Singleton
    JpaMetricViewStore metricViews(ActiveDatabase database) {
        return new JpaMetricViewStore(database.entityManager(), ViewJson.mapper(), database.dataSource(),
                database.isPostgreSql());
    }

    @Produces
    @Singleton
    JpaTeamViewStore teamViews(ActiveDatabase database) {
        return new JpaTeamViewStore(database.entityManager(), ViewJson.mapper(), database.dataSource());
    }
}
