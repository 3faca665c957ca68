package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.LogCapture;
import org.metriclifecycle.deploy.support.OwnerConnection;
import org.metriclifecycle.deploy.support.PostgresProfile;
import org.metriclifecycle.deploy.support.SeededCases;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Property (SPEC "Security", write-side paragraph): every write endpoint, sent a generated hostile body, header set or
 * path, answers a 4xx problem document (application/problem+json with status and title), logs no ERROR, and leaves
 * the store as it was (events, metric views, team views, webhook subscriptions counted before and after). Each case
 * starts from a valid request and breaks it in one or more ways, so that what refuses it is the broken part (an
 * endpoint that reads no body, a DELETE or the rebuild, always gets a broken path or header). Signed in as the
 * admin, so that no role check is what refuses.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class HostileWritesPropertyTest {

    private static final int CASES = Integer.getInteger("hostile.cases", 300);

    private record Endpoint(String method, String path, Map<String, Object> valid) {
    }

    /** Strings no string field accepts: refused characters, or longer than any field's limit. */
    private static final List<String> BAD_ANYWHERE = List.of(
            "\u202Eevil", "a\u2066b\u2069", "a\u202Ab", "\ud800", "x\udfff", "nul\u0000", "bell\u0007",
            "esc\u001b[31m", "del\u007f", "c1\u0085", "x".repeat(30_000));
    /** Strings that are fine as free text but not as an id, enum, slug, version, URL, date, instant or duration. */
    private static final List<String> BAD_AS_TYPED = List.of(
            "\u200B", "\t\n\r ", "", "../../etc/passwd", "%2e%2e%2f", "'; DROP TABLE domain_event_entry; --",
            "P106751991167300D", "PT0.001S", "P2M", "+1000000000-01-01T00:00:00Z", "1969-12-31", "9999999999999999999999",
            "1e999", "NaN", "2026-01-01T00:00:00Z ", "2026-02-30", "http://h:99999/", "javascript:alert(1)");
    /** JSON values of a type or size no field takes (no field is a boolean, an object or unbounded). */
    private static final List<String> BAD_VALUES = List.of(
            "1e999", "-1e999", "true", "false", "[]", "{}", "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]",
            "{\"a\":{\"b\":{\"c\":{}}}}", "[\"P1D\"]", "[2026,1,1]", "{\"year\":2026}");
    /** Numbers, which only numeric fields take. */
    private static final List<String> NUMBERS = List.of("86400", "1893456000", "0", "-1", "1.5",
            "99999999999999999999999999");
    /** Free text: any visible text is fine here, so only {@link #BAD_ANYWHERE} and wrong types are hostile. */
    private static final java.util.Set<String> FREE_TEXT = java.util.Set.of("name", "owner", "description", "outcome",
            "statement", "reason", "change", "note", "changeNote", "failureMode", "member", "replacement", "members");
    private static final java.util.Set<String> NUMERIC = java.util.Set.of("minCorrelation", "minSampleSize",
            "coefficient", "sampleSize", "evalDelta", "outcomeDelta", "coreMetricLimit");
    private static final List<String> HOSTILE_IDS = List.of(
            "team:search", "..", "..%2F..%2Fadmin", "%2e%2e", "a%2Fb", "x".repeat(3000), "%00", "%E2%80%AE",
            "%C0%AF", "00000000-0000-0000-0000-00000000000g", "%20", "team%3Asearch");
    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml",
            "application/json-patch+json", "text/html");

    @Test
    void everyHostileWriteIsA4xxProblemAndChangesNothing() throws Exception {
        Api.signInAs("ada");
        String team = Api.freshTeam();
        String metric = Api.propose(team, "lena");
        String hypothesis = Api.link(metric, "POSITIVE", 0.5, 10);
        String check = Api.post("/api/v1/metrics/" + metric + "/shadow-checks", Map.of("change", "c",
                "evalDelta", 0.1, "hypothesisId", hypothesis)).statusCode(201).extract().path("checkId");
        given().contentType("application/json").body(Map.of("members", List.of("lena", "carl"), "period", "P7D",
                "startsAt", "2030-01-07T09:00:00.000Z")).put("/api/v1/teams/" + team + "/rotation").then()
                .statusCode(200);
        List<Endpoint> endpoints = endpoints(team, metric, hypothesis, check);

        SeededCases random = SeededCases.forProperty("hostile writes");
        Map<String, Long> before = counts();
        List<String> failures = new ArrayList<>();
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < CASES && failures.size() < 10; i++) {
                Endpoint endpoint = random.oneOf(endpoints);
                String description = "case " + i + " (seed " + random.seed() + ") " + endpoint.method() + " ";
                Attempt attempt = hostile(random, endpoint, team, metric);
                Response answer = attempt.request().request(endpoint.method(), attempt.path());
                String type = answer.getContentType() == null ? "" : answer.getContentType();
                boolean problem = type.startsWith(Problem.MEDIA_TYPE) && answer.path("status") != null
                        && answer.path("title") != null;
                if (answer.statusCode() < 400 || answer.statusCode() >= 500 || !problem) {
                    failures.add(description + attempt.description() + " -> " + answer.statusCode() + " " + type + " "
                            + abbreviate(answer.asString()));
                }
            }
            assertThat(log.errors()).as("ERROR log records").isEmpty();
        }
        assertThat(failures).isEmpty();
        assertThat(counts()).isEqualTo(before);
    }

    private record Attempt(RequestSpecification request, String path, String description) {
    }

    /** One valid request broken in at least one way: its body, its headers or its path. */
    private static Attempt hostile(SeededCases random, Endpoint endpoint, String team, String metric) {
        RequestSpecification request = given().contentType("application/json");
        String path = endpoint.path();
        StringBuilder description = new StringBuilder(path).append(' ');
        String body = json(endpoint.valid());
        boolean broken = false;
        boolean untyped = false;
        if (random.chance(0.2)) {
            String id = random.oneOf(HOSTILE_IDS);
            String changed = path.contains(metric) ? path.replace(metric, id)
                    : path.replace("/teams/" + team, "/teams/" + id);
            if (!changed.equals(path)) {
                path = changed;
                description.append("path id ").append(abbreviate(id)).append(' ');
                broken = true;
            }
        }
        if (random.chance(0.15)) {
            String contentType = random.oneOf(CONTENT_TYPES);
            EncoderConfig asText = EncoderConfig.encoderConfig().encodeContentTypeAs(contentType.split(";")[0],
                    ContentType.TEXT);
            request = given().config(RestAssured.config().encoderConfig(asText)).contentType(contentType);
            description.append("content type ").append(contentType).append(' ');
            // A DELETE reads no body, so what its body claims to be does not make it invalid.
            broken |= !endpoint.method().equals("DELETE");
        } else if (random.chance(0.05)) {
            request = given().noContentType();
            untyped = true;
            description.append("no content type ");
            broken |= !endpoint.method().equals("DELETE");
        }
        if (random.chance(0.1)) {
            String origin = random.oneOf(List.of("https://evil.example", "null", "http://localhost.evil.example"));
            request.header("Origin", origin);
            description.append("origin ").append(origin).append(' ');
            broken = true;
        } else if (random.chance(0.05)) {
            request.header("Sec-Fetch-Site", "cross-site");
            description.append("cross-site fetch ");
            broken = true;
        }
        if (!broken && takesNoBody(endpoint)) {
            // A hostile body alone would leave a valid request to an endpoint that reads none.
            request.header("Origin", "https://evil.example");
            description.append("origin https://evil.example ");
            broken = true;
        }
        if (!broken || random.chance(0.7)) {
            body = hostileBody(random, endpoint.valid(), description);
        }
        if (untyped) {
            request.body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
            request.body(body);
        }
        return new Attempt(request, path, description.toString());
    }

    private static boolean takesNoBody(Endpoint endpoint) {
        return endpoint.method().equals("DELETE") || endpoint.path().endsWith("/rebuild")
                || endpoint.path().endsWith("/audit/checkpoints");
    }

    private static String hostileBody(SeededCases random, Map<String, Object> valid, StringBuilder description) {
        List<String> fields = new ArrayList<>(valid.keySet());
        int kind = random.between(0, 9);
        Map<String, String> members = new LinkedHashMap<>();
        valid.forEach((k, v) -> members.put(k, value(v)));
        switch (kind) {
            case 0, 1, 2 -> {
                String field = random.oneOf(fields);
                boolean typed = !FREE_TEXT.contains(field) && !NUMERIC.contains(field);
                String text = random.oneOf(typed && random.chance(0.6) ? BAD_AS_TYPED : BAD_ANYWHERE);
                String value = quote(text);
                if (field.equals("members")) {
                    value = "[\"lena\"," + value + "]";
                }
                members.put(field, value);
                description.append("field ").append(field).append(" = string ").append(abbreviate(escape(text)));
            }
            case 3, 4, 5 -> {
                String field = random.oneOf(fields);
                String value = random.oneOf(!NUMERIC.contains(field) && random.chance(0.4) ? NUMBERS : BAD_VALUES);
                members.put(field, value);
                description.append("field ").append(field).append(" = ").append(abbreviate(value));
            }
            case 6 -> {
                String field = random.oneOf(fields);
                String original = members.remove(field);
                members.put("\"" + field + "\":" + original + ",\"" + field + "\"", original);
                description.append("duplicate key ").append(field);
                return "{" + join(members, true) + "}";
            }
            case 7 -> {
                String unknown = random.oneOf(List.of("actor", "metricId", "status", "__proto__", "constructor",
                        "recordedAt", "secret"));
                members.put(unknown, "\"x\"");
                description.append("unknown field ").append(unknown);
            }
            case 8 -> {
                int depth = random.between(200, 3000);
                String field = random.oneOf(fields);
                members.put(field, "[".repeat(depth) + "]".repeat(depth));
                description.append("nesting ").append(depth).append(" deep in ").append(field);
            }
            default -> {
                String whole = random.oneOf(List.of("", "null", "[]", "42", "\"text\"", "{", "{}}", "{\"a\":1} x",
                        "{\"a\":\"\\ud800\"}", "\u0000"));
                description.append("whole body ").append(abbreviate(escape(whole)));
                return whole;
            }
        }
        return "{" + join(members, false) + "}";
    }

    private static String join(Map<String, String> members, boolean rawFirstKey) {
        List<String> parts = new ArrayList<>();
        members.forEach((k, v) -> parts.add((k.startsWith("\"") ? k : "\"" + k + "\"") + ":" + v));
        return String.join(",", parts);
    }

    /**
     * Every POST, PUT and DELETE under /api/v1 with a body that would succeed. Endpoints without a body (DELETEs)
     * are still sent the hostile bodies, headers and paths.
     */
    private static List<Endpoint> endpoints(String team, String metric, String hypothesis, String check) {
        String m = "/api/v1/metrics/" + metric;
        String t = "/api/v1/teams/" + team;
        return List.of(
                new Endpoint("POST", "/api/v1/metrics", map("name", "n", "team", team, "owner", "lena",
                        "version", "1.0", "description", "d")),
                new Endpoint("POST", m + "/hypotheses", map("outcome", "o", "statement", "s", "direction", "POSITIVE",
                        "minCorrelation", 0.5, "minSampleSize", 10)),
                new Endpoint("POST", m + "/correlations", map("hypothesisId", hypothesis, "coefficient", 0.5,
                        "sampleSize", 10, "periodStart", Api.daysAgo(30), "periodEnd", Api.today())),
                new Endpoint("POST", m + "/shadow-checks", map("change", "c", "evalDelta", 0.1,
                        "hypothesisId", hypothesis, "observeFor", "PT72H")),
                new Endpoint("POST", m + "/shadow-checks/" + check + "/outcome", map("outcomeDelta", 0.1,
                        "sampleSize", 100, "note", "n")),
                new Endpoint("POST", m + "/deprecation", map("reason", "r")),
                new Endpoint("PUT", m + "/owner", map("owner", "carl", "reason", "r")),
                new Endpoint("POST", m + "/revisions", map("version", "1.1", "changeNote", "c")),
                new Endpoint("POST", m + "/blind-spots", map("failureMode", "f", "description", "d")),
                new Endpoint("PUT", t + "/budget", map("coreMetricLimit", 5, "reason", "r")),
                new Endpoint("PUT", t + "/members", map("members", List.of("lena", "carl"), "reason", "r")),
                new Endpoint("PUT", t + "/rotation", map("members", List.of("lena", "carl"), "period", "P14D",
                        "startsAt", "2030-01-07T09:00:00Z")),
                new Endpoint("DELETE", t + "/rotation", map("members", List.of("x"))),
                new Endpoint("POST", t + "/rotation/overrides", map("member", "lena", "replacement", "vera",
                        "from", "2030-01-01T00:00:00Z", "to", "2030-02-01T00:00:00Z")),
                new Endpoint("POST", t + "/webhooks", map("url", "https://hooks.example.com/x", "format", "json")),
                new Endpoint("DELETE", t + "/webhooks/no-such-subscription", map("url", "x")),
                new Endpoint("POST", "/api/v1/admin/projections/rebuild", map("all", "x")),
                // POST /api/v1/audit/verify is left out on purpose: a changed checkpoint document is what it judges,
                // answered 200 with signatureValid false (CheckpointTamperingH2Test covers its 400s).
                new Endpoint("POST", "/api/v1/audit/checkpoints", map("all", "x")));
    }

    /** Row counts of every table a write could change. */
    private static Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = OwnerConnection.open(); Statement statement = connection.createStatement()) {
            for (String table : List.of("domain_event_entry", "metric_view", "metric_history", "team_view",
                    "webhook_subscription", "event_chain", "webhook_secret", "audit_checkpoint")) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT coalesce(sum(length(document)), 0) FROM metric_view")) {
                rows.next();
                counts.put("metric_view.document", rows.getLong(1));
            }
        }
        return counts;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String json(Map<String, Object> body) {
        Map<String, String> members = new LinkedHashMap<>();
        body.forEach((k, v) -> members.put(k, value(v)));
        return "{" + join(members, false) + "}";
    }

    private static String value(Object value) {
        if (value instanceof String text) {
            return quote(text);
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(value(item)));
            return "[" + String.join(",", items) + "]";
        }
        return String.valueOf(value);
    }

    /** A JSON string literal; lone surrogates and controls as \\u escapes, so the JSON itself is valid UTF-8. */
    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String escape(String text) {
        return quote(text);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
