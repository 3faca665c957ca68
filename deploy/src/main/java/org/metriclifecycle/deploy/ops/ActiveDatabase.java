package org.metriclifecycle.deploy.ops;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.metriclifecycle.query.jdbc.Sql;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.hibernate.orm.PersistenceUnit;

/** The datasource and persistence unit that {@code metrics.db} activated (see {@link DatabaseSelection}). */
@Singleton
public class ActiveDatabase {

    private final String name;
    private final Instance<AgroalDataSource> dataSources;
    private final Instance<EntityManager> entityManagers;

    @Inject
    ActiveDatabase(@ConfigProperty(name = DatabaseSelection.PROPERTY, defaultValue = DatabaseSelection.H2) String db,
                   @Any Instance<AgroalDataSource> dataSources, @Any Instance<EntityManager> entityManagers) {
        this.name = DatabaseSelection.selected(db);
        this.dataSources = dataSources;
        this.entityManagers = entityManagers;
    }

    public String name() {
        return name;
    }

    public boolean isPostgreSql() {
        return DatabaseSelection.POSTGRESQL.equals(name);
    }

    public AgroalDataSource dataSource() {
        return dataSources.select(new DataSource.DataSourceLiteral(name)).get();
    }

    /** Plain JDBC on this datasource, for the stores on every command's write path. */
    public Sql sql() {
        return new Sql(dataSource());
    }

    /** A transaction-scoped proxy: usable from any thread that has a JTA transaction (or a request) active. */
    public EntityManager entityManager() {
        return entityManagers.select(new PersistenceUnit.PersistenceUnitLiteral(name)).get();
    }
}
