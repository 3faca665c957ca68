package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.metriclifecycle.deploy.support.Api.freshTeam;
import static org.metriclifecycle.deploy.support.Api.propose;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.LogCapture;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * SPEC's exact input rules (write-side paragraph, "Rotation periods", "Security"): code-point lengths, visible text,
 * refused characters and bytes, strict JSON types, bounded instants, dates, durations and versions, the rotation
 * periods a team may choose, and that anything accepted can be shown (no 500 on any page or feed).
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class InputRulesTest {

    @BeforeEach
    void signIn() {
        Api.signInAs("ada");
    }

    private static ValidatableResponse send(String method, String path, String json) {
        return given().contentType(ContentType.JSON).body(json).request(method, path).then();
    }

    private static void refused(String method, String path, String json, String field) {
        ValidatableResponse answer = send(method, path, json).statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400));
        if (field != null) {
            answer.body("errors.field", hasItem(field));
        }
    }

    private static String proposal(String team, String name) {
        return "{\"name\":" + name + ",\"team\":\"" + team + "\",\"owner\":\"ada\"}";
    }

    @Test
    void lengthsCountCodePointsAfterTrimmingAndNfc() {
        String team = freshTeam();
        String emoji = "\uD83D\uDE00";
        send("POST", "/api/v1/metrics", proposal(team, "\"" + emoji.repeat(61) + "\"")).statusCode(201);
        send("POST", "/api/v1/metrics", proposal(team, "\"" + "x".repeat(120) + "\"")).statusCode(201);
        refused("POST", "/api/v1/metrics", proposal(team, "\"" + "x".repeat(121) + "\""), "name");
        refused("POST", "/api/v1/metrics", proposal(team, "\"" + emoji.repeat(121) + "\""), "name");
        // 120 letters, each e + a combining acute accent: 240 code points in, 120 after NFC.
        send("POST", "/api/v1/metrics", proposal(team, "\"" + "e\u0301".repeat(120) + "\"")).statusCode(201);
        send("POST", "/api/v1/metrics", proposal(team, "\"   " + "x".repeat(120) + "   \"")).statusCode(201);
        assertThat(Api.total("?team=" + team)).isEqualTo(4);
    }

    @Test
    void requiredTextMustShowSomethingAndRefusedCharactersNameTheirField() {
        String team = freshTeam();
        for (String name : List.of("\"\\u200B\"", "\"\\u200C\\u200D\"", "\"\\u2060\"", "\"\\uFEFF \"", "\" \\t \"",
                "\"\\u3164\"")) {
            refused("POST", "/api/v1/metrics", proposal(team, name), "name");
        }
        for (String name : List.of("\"a\\ud800\"", "\"\\udc00b\"", "\"a\\u202Eb\"", "\"a\\u2066b\"", "\"a\\u2069\"",
                "\"a\\u202Ab\"", "\"nul\\u0000\"", "\"esc\\u001b[0m\"", "\"del\\u007f\"", "\"c1\\u0085\"")) {
            refused("POST", "/api/v1/metrics", proposal(team, name), "name");
        }
        // Tab and line breaks are text; a joiner inside an emoji sequence is part of something visible.
        send("POST", "/api/v1/metrics", "{\"name\":\"n\",\"team\":\"" + team + "\",\"owner\":\"ada\","
                + "\"description\":\"line one\\nline two\\r\\n\\tindented \\uD83D\\uDC69\\u200D\\uD83D\\uDCBB\"}")
                .statusCode(201);
        assertThat(Api.total("?team=" + team)).isEqualTo(1);
    }

    @Test
    void aBodyThatIsNotUtf8Is400AndStoresNothing() {
        String team = freshTeam();
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xE2, (byte) 0x82},
                new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88})) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("{\"name\":\"a").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bad);
            body.writeBytes(("b\",\"team\":\"" + team + "\",\"owner\":\"ada\"}").getBytes(StandardCharsets.UTF_8));
            given().contentType("application/json").body(body.toByteArray()).post("/api/v1/metrics").then()
                    .statusCode(400).contentType(Problem.MEDIA_TYPE);
        }
        assertThat(Api.total("?team=" + team)).isZero();
    }

    @Test
    void valuesBindOnlyFromTheirOwnJsonType() {
        String metric = propose(freshTeam(), "ada");
        String hypothesis = Api.link(metric, "POSITIVE", 0.5, 10);
        String correlations = "/api/v1/metrics/" + metric + "/correlations";
        String ok = "\"hypothesisId\":\"" + hypothesis + "\",\"coefficient\":0.5,\"sampleSize\":10,\"periodEnd\":\""
                + Api.today() + "\"";
        for (String start : List.of("\"2026-01-01T00:00:00Z\"", "[2026,1,1]", "20454", "{\"year\":2026}", "true",
                "\"1969-12-31\"", "\"+10000-01-01\"", "\"2026-1-1\"")) {
            refused("POST", correlations, "{" + ok + ",\"periodStart\":" + start + "}", "periodStart");
        }
        refused("POST", correlations, "{" + ok.replace("0.5", "\"0.5\"") + ",\"periodStart\":\"" + Api.daysAgo(30)
                + "\"}", "coefficient");
        refused("POST", correlations, "{" + ok + ",\"periodStart\":\"" + Api.daysAgo(30) + "\",\"source\":5}",
                "source");
        refused("POST", correlations, "{" + ok + ",\"periodStart\":\"" + Api.daysAgo(30)
                + "\",\"definitionVersion\":\"" + "9".repeat(20) + "\"}", "definitionVersion");
        refused("POST", "/api/v1/metrics/" + metric + "/shadow-checks", "{\"change\":\"c\",\"evalDelta\":1e999,"
                + "\"hypothesisId\":\"" + hypothesis + "\"}", "evalDelta");
        refused("POST", "/api/v1/metrics/" + metric + "/shadow-checks", "{\"change\":\"c\",\"evalDelta\":0.1,"
                + "\"hypothesisId\":\"" + hypothesis + "\",\"observeFor\":259200}", "observeFor");
        refused("POST", "/api/v1/metrics/" + metric + "/revisions", "{\"version\":\"" + "9".repeat(20)
                + "\",\"changeNote\":\"c\"}", "version");
        refused("POST", "/api/v1/metrics/" + metric + "/revisions", "{\"version\":\"1.0.0.1\",\"changeNote\":\"c\"}",
                "version");
        refused("POST", "/api/v1/metrics", "{\"name\":\"n\",\"team\":\"t\",\"owner\":\"o\",\"version\":\""
                + "1".repeat(10) + "\"}", "version");
        send("POST", "/api/v1/metrics/" + metric + "/revisions",
                "{\"version\":\"999999999.999999999.999999999\",\"changeNote\":\"the largest version there is\"}")
                .statusCode(201);
        Api.view(metric).body("version", equalTo("999999999.999999999.999999999"));
    }

    @Test
    void rotationPeriodsAreTheRulesDurationsOrCalendarPeriods() {
        String team = freshTeam();
        propose(team, "lena");
        String path = "/api/v1/teams/" + team + "/rotation";
        for (String period : List.of("\"PT0.001S\"", "\"PT0S\"", "\"-PT1H\"", "\"P367D\"", "\"P106751991167300D\"",
                "\"P2M\"", "\"P1Y\"", "86400", "[\"P1D\"]", "{\"days\":1}")) {
            refused("PUT", path, rotation(period, "\"2030-01-07T09:00:00Z\""), "period");
        }
        for (String startsAt : List.of("1893456000", "1893456000000", "\"+1000000000-01-01T00:00:00Z\"",
                "\"1969-12-31T23:59:59Z\"", "\"+10000-01-01T00:00:00Z\"", "\"2030-01-07\"", "[2030,1,7]")) {
            refused("PUT", path, rotation("\"P7D\"", startsAt), "startsAt");
        }
        refused("PUT", path, "{\"members\":[\"lena\",\"\\u200B\"],\"period\":\"P7D\","
                + "\"startsAt\":\"2030-01-07T09:00:00Z\"}", "members");
        refused("PUT", path, "{\"members\":[\"lena\",\"" + "\uD83D\uDE00".repeat(121) + "\"],\"period\":\"P7D\","
                + "\"startsAt\":\"2030-01-07T09:00:00Z\"}", "members");
        for (String period : List.of("P1W", "P2W", "P1M", "P3M", "P366D", "PT8H")) {
            send("PUT", path, rotation("\"" + period + "\"", "\"2030-01-31T09:00:00Z\"")).statusCode(200);
        }
        send("PUT", path, rotation("\"P1M\"", "\"2030-01-31T09:00:00Z\"")).statusCode(200)
                .body("period", equalTo("P1M")).body("nextHandoffAt", equalTo("2030-01-31T09:00:00.000Z"));
        String feed = given().get(path + ".ics?count=3").then().statusCode(200).extract().asString();
        assertThat(feed).contains("DTSTART:20300131T090000Z", "DTSTART:20300228T090000Z", "DTSTART:20300331T090000Z");
    }

    @Test
    void valuesAtTheEndOfYear9999AreShownOnEveryPageAndFeed() {
        String team = freshTeam();
        propose(team, "lena");
        String path = "/api/v1/teams/" + team;
        send("PUT", path + "/rotation", "{\"members\":[\"lena\",\"carl\"],\"period\":\"P3M\","
                + "\"startsAt\":\"9999-12-31T00:00:00Z\"}").statusCode(200)
                .body("nextHandoffAt", equalTo("9999-12-31T00:00:00.000Z"));
        send("POST", path + "/rotation/overrides", "{\"member\":\"lena\",\"replacement\":\"vera\","
                + "\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"9999-12-31T23:59:59Z\"}").statusCode(201);
        refused("POST", path + "/rotation/overrides", "{\"member\":\"lena\",\"replacement\":\"vera\","
                + "\"from\":\"2030-01-01T00:00:00Z\",\"to\":\"2030-01-01T00:00:00Z\"}", "to");
        refused("POST", path + "/rotation/overrides", "{\"member\":\"lena\",\"replacement\":\"vera\","
                + "\"from\":\"2030-01-01T00:00:00Z\",\"to\":\"+1000000000-01-01T00:00:00Z\"}", "to");
        given().get(path + "/rotation").then().statusCode(200).body("overrides[0].to", notNullValue());
        String feed = given().get(path + "/rotation.ics?count=10").then().statusCode(200).extract().asString();
        assertThat(feed).contains("DTSTART:99991231T000000Z").doesNotContain("+1", "DTSTART:1000");
        given().get(path).then().statusCode(200);
        given().accept("text/html").get("/ui/teams/" + team).then().statusCode(200);
        given().accept("text/html").get("/ui/board").then().statusCode(200);
    }

    @Test
    void streamIdsOfOtherKindsAreUnknownMetricsOnEveryMetricPath() {
        String team = freshTeam();
        propose(team, "lena");
        String id = "team:" + team;
        for (String sub : List.of("", "/history", "/history/verify", "/correlations", "/shadow-checks")) {
            given().get("/api/v1/metrics/" + id + sub).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        }
        Map<String, String> writes = new HashMap<>();
        writes.put("/hypotheses", "{\"outcome\":\"o\",\"statement\":\"s\",\"direction\":\"POSITIVE\","
                + "\"minCorrelation\":0.5,\"minSampleSize\":10}");
        writes.put("/deprecation", "{\"reason\":\"r\"}");
        writes.put("/blind-spots", "{\"failureMode\":\"f\",\"description\":\"d\"}");
        writes.put("/revisions", "{\"version\":\"2.0\",\"changeNote\":\"c\"}");
        writes.put("/shadow-checks", "{\"change\":\"c\",\"evalDelta\":0.1,\"hypothesisId\":\"h\"}");
        writes.put("/correlations", "{\"hypothesisId\":\"h\",\"coefficient\":0.5,\"sampleSize\":10,"
                + "\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2026-01-31\"}");
        for (Map.Entry<String, String> write : writes.entrySet()) {
            send("POST", "/api/v1/metrics/" + id + write.getKey(), write.getValue()).statusCode(404)
                    .contentType(Problem.MEDIA_TYPE);
        }
        send("PUT", "/api/v1/metrics/" + id + "/owner", "{\"owner\":\"carl\",\"reason\":\"r\"}").statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        Api.signInAs("lena");
        send("POST", "/api/v1/metrics/" + id + "/deprecation", "{\"reason\":\"r\"}").statusCode(404);
    }

    @Test
    void oversizedBodiesAndRequestLinesGetProblemDocumentsAndNoErrorLog() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            String team = freshTeam();
            String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"team\":\"" + team + "\",\"owner\":\"o\"}";
            given().contentType(ContentType.JSON).body(big).post("/api/v1/metrics").then().statusCode(413)
                    .contentType(Problem.MEDIA_TYPE).body("status", equalTo(413));
            String chunked = raw("POST /api/v1/metrics HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Basic YWRhOmFkYQ==\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
                    big.getBytes(StandardCharsets.UTF_8));
            assertThat(chunked).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("\"status\":413");
            String longLine = raw("GET /api/v1/metrics/" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic YWRhOmFkYQ==\r\nConnection: close\r\n\r\n", null);
            assertThat(longLine).startsWith("HTTP/1.1 414").contains("application/problem+json")
                    .contains("\"status\":414");
            refused("POST", "/api/v1/metrics", proposal(team, "\"a\\u202Eb\""), "name");
            given().get("/api/v1/metrics/team:" + team + "/history").then().statusCode(404);
            assertThat(Api.total("?team=" + team)).isZero();
            assertThat(log.errors()).isEmpty();
        }
    }

    /** One request over a plain socket, for framings rest-assured does not send; answers the whole response. */
    private static String raw(String head, byte[] chunkedBody) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                if (chunkedBody != null) {
                    for (int i = 0; i < chunkedBody.length; i += 8192) {
                        int n = Math.min(8192, chunkedBody.length - i);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunkedBody, i, n);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // The service may answer and close before it has read the whole body; its answer is what counts.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (java.io.IOException reset) {
                // A connection closed right after the answer may reset; what arrived is enough.
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String rotation(String period, String startsAt) {
        return "{\"members\":[\"lena\",\"carl\"],\"period\":" + period + ",\"startsAt\":" + startsAt + "}";
    }
}
