package org.metriclifecycle.deploy.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import org.metriclifecycle.deploy.support.RebuildPostgresProfile;

/** The rebuild scenario on PostgreSQL (replaces the processor replay's ReplayTest). */
@QuarkusTest
@TestProfile(RebuildPostgresProfile.class)
class ProjectionRebuildTest extends ProjectionRebuildScenario {
}
