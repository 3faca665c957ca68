package org.metriclifecycle.deploy.support;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Gives each Quarkus test boot a fresh PostgreSQL database (see {@link FreshPostgres}). */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private FreshPostgres database;
    private Map<String, String> extra = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        extra = initArgs;
    }

    @Override
    public Map<String, String> start() {
        database = FreshPostgres.create();
        Map<String, String> config = new HashMap<>(database.serviceConfig());
        // The demo users sign the tests in; OidcProfile switches to bearer tokens.
        config.put("metrics.auth.mode", "basic");
        config.putAll(extra);
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
