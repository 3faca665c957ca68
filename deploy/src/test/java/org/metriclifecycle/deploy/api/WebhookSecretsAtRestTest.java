package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.metriclifecycle.deploy.support.Api.freshTeam;
import static org.metriclifecycle.deploy.support.Api.post;
import static org.metriclifecycle.deploy.support.Api.propose;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.security.PrivateDataOnStart;
import org.metriclifecycle.deploy.security.SecretCipher;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.Eventually;
import org.metriclifecycle.deploy.support.OwnerConnection;
import org.metriclifecycle.deploy.support.WebhookReceiver;
import org.metriclifecycle.deploy.support.WebhooksPostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Webhook secrets at rest (issue 13, item 5): sealed in the database with the key file's key, kept out of stored
 * idempotent answers, and still what deliveries are signed with; rows from before encryption are sealed on start,
 * and a key that does not open the stored secrets stops the start.
 */
@QuarkusTest
@TestProfile(WebhooksPostgresProfile.class)
class WebhookSecretsAtRestTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    PrivateDataOnStart onStart;

    private WebhookReceiver receiver;
    private String team;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        team = freshTeam();
        Api.signInAs("ada");
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void theDatabaseHoldsNeitherTheSecretNorItsStoredAnswerYetDeliveriesAreSignedWithIt() throws Exception {
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = subscribe(key).statusCode(201).extract();
        String subscriptionId = first.path("subscriptionId");
        String secret = first.path("secret");
        assertThat(secret).matches("whsec_[A-Za-z0-9_-]{43}");

        String stored = storedSecret(subscriptionId);
        assertThat(stored).startsWith("v1:").doesNotContain(secret).doesNotContain("whsec_");
        String answer = single("SELECT body FROM idempotency_key WHERE idempotency_key = ?", key);
        assertThat(answer).contains(subscriptionId).doesNotContain(secret).doesNotContain("whsec_");

        // A retry that lost the first answer gets the same status and ids, and the secret read back from its row.
        subscribe(key).statusCode(201)
                .header(IdempotentWrites.REPLAYED_HEADER, "true")
                .body("subscriptionId", equalTo(subscriptionId))
                .body("secret", equalTo(secret))
                .body("secretFingerprint", equalTo(first.path("secretFingerprint")));
        assertThat(single("SELECT count(*) FROM webhook_secret WHERE team = ?", team)).isEqualTo("1");

        assertDeliveredSignedWith(secret);
    }

    @Test
    void aSecretStoredInPlainTextBeforeEncryptionIsSealedOnStartOnceAndStillSigns() throws Exception {
        ExtractableResponse<Response> created = subscribe(null).statusCode(201).extract();
        String subscriptionId = created.path("subscriptionId");
        String secret = created.path("secret");
        execute("UPDATE webhook_secret SET secret = ? WHERE subscription_id = ?", secret, subscriptionId);

        assertThat(onStart.sealPlainSecrets()).isEqualTo(1);
        String sealed = storedSecret(subscriptionId);
        assertThat(sealed).startsWith("v1:").doesNotContain(secret);
        assertThat(onStart.sealPlainSecrets()).as("idempotent").isZero();
        assertThat(storedSecret(subscriptionId)).isEqualTo(sealed);

        assertDeliveredSignedWith(secret);
    }

    @Test
    void aSecretSealedWithAnotherKeyStopsTheStartLoudly() throws Exception {
        String subscriptionId = UUID.randomUUID().toString();
        String foreign = new SecretCipher(SecretCipher.newKey(), "elsewhere").seal(subscriptionId, "whsec_x");
        try (Connection owner = OwnerConnection.open();
             PreparedStatement insert = owner.prepareStatement("INSERT INTO webhook_secret"
                     + " (subscription_id, team, secret, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, subscriptionId);
            insert.setString(2, team);
            insert.setString(3, foreign);
            insert.setObject(4, OffsetDateTime.now());
            insert.executeUpdate();
        }
        try {
            assertThatThrownBy(() -> onStart.sealPlainSecrets()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(subscriptionId)
                    .hasMessageContaining("does not decrypt with the key in");
        } finally {
            execute("DELETE FROM webhook_secret WHERE subscription_id = ?", subscriptionId);
        }
    }

    private io.restassured.response.ValidatableResponse subscribe(String idempotencyKey) {
        var request = given().contentType(ContentType.JSON);
        if (idempotencyKey != null) {
            request.header(IdempotentWrites.KEY_HEADER, idempotencyKey);
        }
        return request.body(Map.of("url", receiver.url("/at-rest"), "events", List.of("metric.deprecated")))
                .post("/api/v1/teams/" + team + "/webhooks").then();
    }

    private void assertDeliveredSignedWith(String secret) {
        String metricId = propose(team, "ada");
        post("/api/v1/metrics/" + metricId + "/deprecation", Map.of("reason", "signed check")).statusCode(200);
        Eventually.within(PATIENCE, () -> assertThat(receiver.received("/at-rest")).hasSize(1));
        assertThat(receiver.received("/at-rest").get(0).signedWith(secret)).isTrue();
    }

    private static String storedSecret(String subscriptionId) throws SQLException {
        return single("SELECT secret FROM webhook_secret WHERE subscription_id = ?", subscriptionId);
    }

    private static String single(String sql, String parameter) throws SQLException {
        try (Connection owner = OwnerConnection.open();
             PreparedStatement select = owner.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private static void execute(String sql, String... parameters) throws SQLException {
        try (Connection owner = OwnerConnection.open();
             PreparedStatement statement = owner.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
