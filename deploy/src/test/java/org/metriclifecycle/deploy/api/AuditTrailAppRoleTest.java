package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metriclifecycle.deploy.support.Api.freshTeam;
import static org.metriclifecycle.deploy.support.Api.propose;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.deploy.support.OwnerConnection;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** SPEC "Security": the service's database role can read and append stored events, never change or remove them. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class AuditTrailAppRoleTest {

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    private static final String ROLE = "metric_lifecycle_app";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Inject
    ActiveDatabase database;

    @Test
    void theServicesPooledConnectionsActAsTheRole() throws SQLException {
        try (Connection pooled = database.dataSource().getConnection();
             Statement statement = pooled.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_user, rolcanlogin, rolsuper FROM pg_roles "
                     + "WHERE rolname = current_user")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo(ROLE);
            assertThat(row.getBoolean(2)).as("NOLOGIN").isFalse();
            assertThat(row.getBoolean(3)).isFalse();
        }
    }

    @Test
    void theRoleCannotUpdateDeleteOrTruncateStoredEvents() throws SQLException {
        String metricId = propose(freshTeam(), "ada");
        try (Connection connection = actingAsRole(); Statement statement = connection.createStatement()) {
            for (String table : List.of("domain_event_entry", "event_chain")) {
                String stream = " WHERE aggregate_identifier = '" + metricId + "'";
                for (String sql : List.of(
                        "UPDATE " + table + " SET sequence_number = sequence_number" + stream,
                        "DELETE FROM " + table + stream,
                        "TRUNCATE " + table)) {
                    assertThatThrownBy(() -> statement.executeUpdate(sql)).as(sql)
                            .isInstanceOfSatisfying(SQLException.class,
                                    e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
                }
            }
        }
    }

    @Test
    void theRoleCanAddCheckpointsButNeverChangeOrRemoveOne() throws SQLException {
        given().contentType(ContentType.JSON).post("/api/v1/audit/checkpoints").then().statusCode(201);
        try (Connection connection = actingAsRole(); Statement statement = connection.createStatement()) {
            for (String sql : List.of(
                    "UPDATE audit_checkpoint SET document = document",
                    "DELETE FROM audit_checkpoint",
                    "TRUNCATE audit_checkpoint")) {
                assertThatThrownBy(() -> statement.executeUpdate(sql)).as(sql)
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            }
        }
    }

    @Test
    void theRoleCanAppendAndReadEvents() throws SQLException {
        String aggregate = "role-test-" + UUID.randomUUID();
        try (Connection connection = actingAsRole(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.executeUpdate("INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, "
                        + "event_identifier, payload, payload_type, time_stamp) VALUES ('" + aggregate + "', 0, '"
                        + UUID.randomUUID() + "', '\\x7b7d'::bytea, 'role.Test', '2026-01-01T00:00:00Z')");
                statement.executeUpdate("INSERT INTO event_chain VALUES ('" + aggregate + "', 0, repeat('0', 64), "
                        + "repeat('1', 64))");
                try (ResultSet row = statement.executeQuery("SELECT count(*) FROM domain_event_entry e JOIN "
                        + "event_chain c USING (aggregate_identifier, sequence_number) "
                        + "WHERE aggregate_identifier = '" + aggregate + "'")) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getInt(1)).isEqualTo(1);
                }
            } finally {
                // Leave no foreign event for the service's processors.
                connection.rollback();
            }
        }
    }

    @Test
    void everyTableAndSequenceOfTheServiceIsGrantedToTheRole() throws SQLException {
        // Guards later migrations: a table the service cannot read would only fail in production.
        List<String> missing = new ArrayList<>();
        try (Connection owner = OwnerConnection.open(); Statement statement = owner.createStatement();
             ResultSet row = statement.executeQuery("SELECT c.relname, c.relkind FROM pg_class c "
                     + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                     + "AND c.relkind IN ('r', 'S') AND c.relname <> 'flyway_schema_history' AND NOT CASE c.relkind "
                     + "WHEN 'S' THEN has_sequence_privilege('" + ROLE + "', c.oid, 'USAGE') "
                     + "ELSE has_table_privilege('" + ROLE + "', c.oid, 'SELECT, INSERT') END")) {
            while (row.next()) {
                missing.add(row.getString(1));
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The owner's login narrowed to the role, exactly as the service's pool does it. */
    private static Connection actingAsRole() throws SQLException {
        Connection connection = OwnerConnection.open();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET ROLE " + ROLE);
        }
        return connection;
    }
}
