package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.metriclifecycle.deploy.support.Api.freshTeam;
import static org.metriclifecycle.deploy.support.Api.link;
import static org.metriclifecycle.deploy.support.Api.propose;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.deploy.support.H2Profile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The history check on the embedded H2 default (which has no database roles: the chain is its only guard). */
@QuarkusTest
@TestProfile(H2Profile.class)
class AuditTrailH2Test {

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    @Inject
    ActiveDatabase database;

    @Test
    void theChainVerifiesAndAnEditIsFoundOnH2() throws SQLException {
        String metricId = propose(freshTeam(), "ada");
        link(metricId, "NEGATIVE", 0.7, 500);
        given().get("/api/v1/metrics/" + metricId + "/history/verify").then().statusCode(200)
                .body("intact", equalTo(true))
                .body("events", equalTo(2))
                .body("head", matchesPattern("[0-9a-f]{64}"))
                .body("brokenAt", nullValue());

        try (Connection connection = database.dataSource().getConnection()) {
            byte[] payload;
            try (PreparedStatement read = connection.prepareStatement("SELECT payload FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ? AND sequence_number = 1")) {
                read.setString(1, metricId);
                try (ResultSet row = read.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    payload = row.getBytes(1);
                }
            }
            String edited = new String(payload, StandardCharsets.UTF_8).replace("user-reported errors", "praise");
            try (PreparedStatement edit = connection.prepareStatement("UPDATE domain_event_entry SET payload = ? "
                    + "WHERE aggregate_identifier = ? AND sequence_number = 1")) {
                edit.setBytes(1, edited.getBytes(StandardCharsets.UTF_8));
                edit.setString(2, metricId);
                assertThat(edit.executeUpdate()).isEqualTo(1);
            }
        }
        given().get("/api/v1/metrics/" + metricId + "/history/verify").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("brokenAt.sequence", equalTo(1))
                .body("brokenAt.problem", equalTo("hash mismatch"));
        given().get("/api/v1/metrics/unknown/history/verify").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
