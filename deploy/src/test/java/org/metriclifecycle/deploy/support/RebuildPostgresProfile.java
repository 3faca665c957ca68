package org.metriclifecycle.deploy.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service on a fresh PostgreSQL database with a rebuild cut into many small batches, each followed by a pause, so
 * that a rebuild over a test's few streams lasts a few seconds and overlaps the writes a test makes meanwhile, its
 * folds shared among three threads.
 */
public class RebuildPostgresProfile implements QuarkusTestProfile {

    public static final Map<String, String> SMALL_BATCHES = Map.of(
            "metrics.rebuild.page-size", "7",
            "metrics.rebuild.batch-streams", "2",
            "metrics.rebuild.batch-history-rows", "12",
            "metrics.rebuild.batch-pause", "PT0.1S",
            // more fold threads than the machine may have cores, so every test folds streams on several threads
            "metrics.rebuild.fold-threads", "3");

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class, SMALL_BATCHES));
    }
}
