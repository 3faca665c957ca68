package org.metriclifecycle.deploy.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.metriclifecycle.deploy.support.Api.freshTeam;
import static org.metriclifecycle.deploy.support.Api.link;
import static org.metriclifecycle.deploy.support.Api.propose;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.AuditH2Profile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 13, item 6: on the embedded H2 default no database role stops an UPDATE, so an attacker with the file can
 * rewrite an event and recompute its chain, drop a stream's last event, or change an event's actor. The history check
 * still says intact each time; a signed checkpoint taken before says where each stream breaks. The attacker here
 * uses the service's own hash function, the strongest case.
 */
@QuarkusTest
@TestProfile(AuditH2Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckpointTamperingH2Test {

    @Inject
    ActiveDatabase database;

    @ConfigProperty(name = "metrics.data-dir")
    Path dataDirectory;

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    @Test
    @Order(1)
    void beforeTheFirstCheckpointTheLatestIsAProblem404() {
        given().get("/api/v1/audit/checkpoints/latest").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @Order(2)
    void theDataDirectoryAndEveryFileInItAreTheServiceUsersAlone() throws Exception {
        assertThat(mode(dataDirectory)).isEqualTo("rwx------");
        assertThat(dataDirectory.resolve("metrics.mv.db")).exists();
        assertThat(dataDirectory.resolve("secrets.key")).exists();
        assertThat(dataDirectory.resolve("audit-signing.key")).exists();
        assertThat(Files.readString(dataDirectory.resolve("audit-signing.key"))).contains("BEGIN PRIVATE KEY");
        try (Stream<Path> files = Files.list(dataDirectory)) {
            for (Path file : files.toList()) {
                assertThat(mode(file)).as(file.getFileName().toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    @Order(3)
    void eachTamperingIsReportedWithItsStreamAndSequence() throws Exception {
        String team = freshTeam();
        String rewritten = metricWithThreeEvents(team);
        String truncated = metricWithThreeEvents(team);
        String reattributed = metricWithThreeEvents(team);
        String untouched = metricWithThreeEvents(team);

        String checkpoint = given().contentType(ContentType.JSON).post("/api/v1/audit/checkpoints").then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("algorithm", equalTo("Ed25519"))
                .extract().asString();
        JsonPath document = JsonPath.from(checkpoint);
        for (String metricId : List.of(rewritten, truncated, reattributed, untouched)) {
            assertThat(document.getLong("streams.find { it.streamId == '" + metricId + "' }.sequence"))
                    .isEqualTo(2L);
        }
        given().get("/api/v1/audit/checkpoints/latest").then().statusCode(200)
                .body("checkpointId", equalTo(document.getString("checkpointId")))
                .body("publicKey", equalTo(document.getString("publicKey")));
        verify(checkpoint).body("signatureValid", equalTo(true)).body("intact", equalTo(true))
                .body("breaks.size()", equalTo(0));

        // (a) A payload rewritten, and the chain recomputed after it the way the service computes it.
        rewrite(rewritten, 1, "payload", text -> text.replace("user-reported errors", "praise"));
        assertHistoryIntact(rewritten);
        assertThat(breaks(checkpoint)).containsExactly(List.of(rewritten, 2, "head differs from the checkpoint"));

        // (b) A stream's last event deleted, with its chain link.
        try (Connection connection = database.dataSource().getConnection()) {
            for (String table : List.of("domain_event_entry", "event_chain")) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                        + " WHERE aggregate_identifier = ? AND sequence_number = 2")) {
                    delete.setString(1, truncated);
                    assertThat(delete.executeUpdate()).isEqualTo(1);
                }
            }
        }
        assertHistoryIntact(truncated);
        assertThat(breaks(checkpoint)).containsExactlyInAnyOrder(
                List.of(rewritten, 2, "head differs from the checkpoint"),
                List.of(truncated, 2, "event missing"));

        // (c) The actor of the first event changed in its metadata, the chain recomputed.
        rewrite(reattributed, 0, "meta_data", text -> {
            assertThat(text).contains("\"actor\":\"ada\"");
            return text.replace("\"actor\":\"ada\"", "\"actor\":\"lena\"");
        });
        assertHistoryIntact(reattributed);
        List<List<Object>> all = breaks(checkpoint);
        assertThat(all).containsExactlyInAnyOrder(
                List.of(rewritten, 2, "head differs from the checkpoint"),
                List.of(truncated, 2, "event missing"),
                List.of(reattributed, 2, "head differs from the checkpoint"));
        verify(checkpoint).body("signatureValid", equalTo(true)).body("intact", equalTo(false));

        // An edit without recomputing the chain is placed exactly, at the edited event.
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement edit = connection.prepareStatement("UPDATE domain_event_entry SET time_stamp = ?"
                     + " WHERE aggregate_identifier = ? AND sequence_number = 1")) {
            edit.setString(1, "2020-01-01T00:00:00Z");
            edit.setString(2, untouched);
            assertThat(edit.executeUpdate()).isEqualTo(1);
        }
        assertThat(breaks(checkpoint)).contains(List.of(untouched, 1, "hash mismatch"));
    }

    @Test
    @Order(4)
    void aDocumentChangedAfterSigningOrSignedByAnotherKeyIsNotValid() throws Exception {
        String checkpoint = given().contentType(ContentType.JSON).post("/api/v1/audit/checkpoints").then().statusCode(201).extract().asString();
        Map<String, Object> document = JsonPath.from(checkpoint).getMap("$");

        // A stream dropped from the list (to hide the stream it breaks): the digest no longer covers the list.
        Map<String, Object> shortened = new HashMap<>(document);
        List<?> streams = (List<?>) document.get("streams");
        shortened.put("streams", streams.subList(1, streams.size()));
        verifyBody(shortened).body("signatureValid", equalTo(false));

        // The list and the digest recomputed and signed with an attacker's own key, published in the document.
        SigningKey attacker = SigningKey.generate();
        Map<String, Object> forged = new HashMap<>(shortened);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> kept = (List<Map<String, Object>>) shortened.get("streams");
        String digest = CheckpointDigest.of(kept.stream().map(head -> new org.metriclifecycle.deploy.audit.ChainHead(
                (String) head.get("streamId"), ((Number) head.get("sequence")).longValue(), (String) head.get("hash")))
                .toList());
        forged.put("digest", digest);
        forged.put("publicKey", attacker.publicKey());
        forged.put("signature", attacker.sign(CheckpointDigest.signedText((String) document.get("checkpointId"),
                (String) document.get("createdAt"), digest)));
        verifyBody(forged).body("signatureValid", equalTo(false));

        // Another moment claimed for the same list.
        Map<String, Object> redated = new HashMap<>(document);
        redated.put("createdAt", "2020-01-01T00:00:00.000Z");
        verifyBody(redated).body("signatureValid", equalTo(false));
    }

    @Test
    @Order(5)
    void aDocumentThatIsNoCheckpointIsAProblem400() {
        String checkpoint = given().contentType(ContentType.JSON).post("/api/v1/audit/checkpoints").then().statusCode(201).extract().asString();
        Map<String, Object> document = JsonPath.from(checkpoint).getMap("$");
        Map<String, Object> noStreams = new HashMap<>(document);
        noStreams.remove("streams");
        Map<String, Object> badHash = new HashMap<>(document);
        badHash.put("streams", List.of(Map.of("streamId", "m", "sequence", 0, "hash", "xyz")));
        Map<String, Object> badSignature = new HashMap<>(document);
        badSignature.put("signature", "not base64!");
        Map<String, Object> unknownField = new HashMap<>(document);
        unknownField.put("note", "x");
        List<Map<String, Object>> malformed = new ArrayList<>(List.of(noStreams, badHash, badSignature, unknownField));
        for (Map.Entry<String, Object> change : List.of(
                Map.entry("checkpointId", (Object) "\u202Eevil"),
                Map.entry("createdAt", (Object) "2026-01-01T00:00:00Z"),
                Map.entry("algorithm", (Object) "RSA"),
                Map.entry("digest", (Object) "A".repeat(64)),
                Map.entry("publicKey", (Object) "bnVsbA=="),
                Map.entry("signature", (Object) "bnVsbA=="),
                Map.entry("streams", (Object) List.of(Map.of("streamId", "bell\u0007", "sequence", 0,
                        "hash", "a".repeat(64)))),
                Map.entry("streams", (Object) List.of(Map.of("streamId", "m", "sequence", -1,
                        "hash", "a".repeat(64)))))) {
            Map<String, Object> changed = new HashMap<>(document);
            changed.put(change.getKey(), change.getValue());
            malformed.add(changed);
        }
        for (Map<String, Object> body : malformed) {
            verifyBody(body).statusCode(400).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body("{\"streams\":").post("/api/v1/audit/verify").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("[]").post("/api/v1/audit/verify").then()
                .statusCode(400).contentType("application/problem+json");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String metricWithThreeEvents(String team) {
        String metricId = propose(team, "ada");
        link(metricId, "NEGATIVE", 0.7, 500);
        link(metricId, "POSITIVE", 0.5, 100);
        return metricId;
    }

    private static io.restassured.response.ValidatableResponse verify(String checkpoint) {
        return given().contentType(ContentType.JSON).body(checkpoint).post("/api/v1/audit/verify").then()
                .statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse verifyBody(Map<String, Object> document) {
        return given().contentType(ContentType.JSON).body(document).post("/api/v1/audit/verify").then();
    }

    /** The breaks the checkpoint's verification reports, as [streamId, sequence, problem]. */
    private static List<List<Object>> breaks(String checkpoint) {
        List<Map<String, Object>> breaks = verify(checkpoint).body("signatureValid", equalTo(true))
                .extract().path("breaks");
        List<List<Object>> found = new ArrayList<>();
        for (Map<String, Object> each : breaks) {
            found.add(List.of(each.get("streamId"), each.get("sequence"), each.get("problem")));
        }
        return found;
    }

    private static void assertHistoryIntact(String metricId) {
        given().get("/api/v1/metrics/" + metricId + "/history/verify").then().statusCode(200)
                .body("intact", equalTo(true));
    }

    /**
     * What an attacker with the database file does: edits one column of one event, then rewrites the chain from
     * that event to the head with the service's own hash function, so the chain links up again.
     */
    private void rewrite(String metricId, long sequence, String column, UnaryOperator<String> edit)
            throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            byte[] before;
            try (PreparedStatement read = connection.prepareStatement("SELECT " + column + " FROM domain_event_entry"
                    + " WHERE aggregate_identifier = ? AND sequence_number = ?")) {
                read.setString(1, metricId);
                read.setLong(2, sequence);
                try (ResultSet row = read.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    before = row.getBytes(1);
                }
            }
            String edited = edit.apply(new String(before, StandardCharsets.UTF_8));
            assertThat(edited).isNotEqualTo(new String(before, StandardCharsets.UTF_8));
            try (PreparedStatement update = connection.prepareStatement("UPDATE domain_event_entry SET " + column
                    + " = ? WHERE aggregate_identifier = ? AND sequence_number = ?")) {
                update.setBytes(1, edited.getBytes(StandardCharsets.UTF_8));
                update.setString(2, metricId);
                update.setLong(3, sequence);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            String previous = EventHash.GENESIS;
            try (PreparedStatement events = connection.prepareStatement("SELECT sequence_number, payload_type,"
                    + " payload_revision, payload, meta_data, time_stamp FROM domain_event_entry"
                    + " WHERE aggregate_identifier = ? ORDER BY sequence_number");
                 PreparedStatement link = connection.prepareStatement("UPDATE event_chain SET previous_hash = ?,"
                         + " hash = ? WHERE aggregate_identifier = ? AND sequence_number = ?")) {
                events.setString(1, metricId);
                try (ResultSet row = events.executeQuery()) {
                    while (row.next()) {
                        String hash = EventHash.of(previous, metricId, row.getLong(1), row.getString(2),
                                row.getString(3), row.getBytes(4), row.getBytes(5), row.getString(6));
                        link.setString(1, previous);
                        link.setString(2, hash);
                        link.setString(3, metricId);
                        link.setLong(4, row.getLong(1));
                        assertThat(link.executeUpdate()).isEqualTo(1);
                        previous = hash;
                    }
                }
            }
        }
    }
}
