package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * What an attacker (or a buggy pipeline) sends: every case is answered with a 4xx problem document and stores
 * nothing. Signed in as the admin, so that validation, not authorization, is what refuses them.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class HostileInputTest {

    private record Case(String name, String method, String path, String contentType, String body, int expected) {
    }

    private final List<Case> cases = new ArrayList<>();
    private String metric;
    private String hypothesis;
    private String team;

    @Test
    void everyHostileRequestIsRefusedWithAProblemAndStoresNothing() {
        RestAssured.authentication = RestAssured.preemptive().basic("ada", "ada");
        team = Api.freshTeam();
        metric = Api.propose(team, "ada");
        hypothesis = Api.link(metric, "POSITIVE", 0.5, 10);
        given().contentType("application/json").body(Map.of("members", List.of("lena", "carl"), "period", "P7D",
                "startsAt", "2030-01-07T09:00:00.000Z")).put("/api/v1/teams/" + team + "/rotation").then().statusCode(200);

        proposals();
        hypotheses();
        correlations();
        governance();
        teams();
        queriesAndPaths();
        wholeBodies();

        String before = fingerprint();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Response response = given().contentType(c.contentType()).body(c.body() == null ? "" : c.body())
                    .request(c.method(), c.path());
            String type = response.getContentType() == null ? "" : response.getContentType();
            if (response.statusCode() != c.expected() || !type.startsWith("application/problem+json")) {
                failures.add(c.name() + ": expected " + c.expected() + " problem, got " + response.statusCode() + " "
                        + type + " " + abbreviate(response.asString()));
            }
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        assertThat(failures).isEmpty();
        assertThat(fingerprint()).isEqualTo(before);
    }

    private void proposals() {
        String path = "/api/v1/metrics";
        String ok = "\"team\":\"" + team + "\",\"owner\":\"o\"";
        for (String name : List.of("\"\"", "\"   \"", q("x".repeat(121)), "\"a\\u0000b\"", "\"\\u001b[31mred\"", "42", "true",
                "[]", "{}", "null")) {
            bad("proposal name " + abbreviate(name), "POST", path, "{\"name\":" + name + "," + ok + "}", 400);
        }
        for (String slug : List.of("\"\"", "\"UPPER\"", "\"has space\"", "\"-leading\"", q("a".repeat(65)), "\"../etc\"",
                "1", "null", "\"te\\u0000am\"", "\"caf\\u00e9\"")) {
            bad("proposal team " + abbreviate(slug), "POST", path, "{\"name\":\"n\",\"team\":" + slug + ",\"owner\":\"o\"}", 400);
        }
        String base = "{\"name\":\"n\"," + ok;
        for (String[] field : List.of(
                new String[] {"owner", q("o".repeat(121))}, new String[] {"description", q("d".repeat(4001))},
                new String[] {"description", "5"}, new String[] {"description", "\"bell\\u0007\""},
                new String[] {"version", "\"v1\""}, new String[] {"version", "\"1.0.0.0\""}, new String[] {"version", "1.0"},
                new String[] {"version", "\"1.a\""}, new String[] {"validFor", q("v".repeat(501))},
                new String[] {"rationale", "[\"a\"]"}, new String[] {"actor", "\"mallory\""},
                new String[] {"status", "\"VALIDATED\""}, new String[] {"metricId", "\"00000000-0000-0000-0000-000000000000\""},
                new String[] {"businessCase", "\"no replaces given\""},
                new String[] {"replaces", "\"no-such-metric\",\"businessCase\":\"why\""},
                new String[] {"businessCase", q("b".repeat(2001))})) {
            bad("proposal " + field[0] + " " + abbreviate(field[1]), "POST", path, base + ",\"" + field[0] + "\":" + field[1] + "}", 400);
        }
        bad("proposal without owner", "POST", path, "{\"name\":\"n\",\"team\":\"" + team + "\"}", 400);
    }

    private void hypotheses() {
        String path = "/api/v1/metrics/" + metric + "/hypotheses";
        for (String[] field : List.of(
                new String[] {"direction", "\"\""}, new String[] {"direction", "\"positive\""}, new String[] {"direction", "1"},
                new String[] {"minCorrelation", "0"}, new String[] {"minCorrelation", "-0.5"},
                new String[] {"minCorrelation", "1.0001"}, new String[] {"minCorrelation", "\"0.5\""},
                new String[] {"minCorrelation", "1e999"}, new String[] {"minCorrelation", "null"},
                new String[] {"minSampleSize", "2"}, new String[] {"minSampleSize", "-1"}, new String[] {"minSampleSize", "3.5"},
                new String[] {"minSampleSize", "\"10\""}, new String[] {"minSampleSize", "2147483648"},
                new String[] {"outcome", q("o".repeat(201))}, new String[] {"statement", q("s".repeat(2001))},
                new String[] {"reason", q("r".repeat(2001))})) {
            String body = "{\"outcome\":\"o\",\"statement\":\"s\",\"direction\":\"POSITIVE\",\"minCorrelation\":0.5,"
                    + "\"minSampleSize\":10,\"" + field[0] + "\":" + field[1] + "}";
            bad("hypothesis " + field[0] + " " + abbreviate(field[1]), "POST", path, body.replace(
                    "\"" + field[0] + "\":" + defaultOf(field[0]) + ",", ""), 400);
        }
    }

    private void correlations() {
        String path = "/api/v1/metrics/" + metric + "/correlations";
        for (String[] field : List.of(
                new String[] {"coefficient", "1.01"}, new String[] {"coefficient", "-1.01"}, new String[] {"coefficient", "\"0.5\""},
                new String[] {"coefficient", "true"}, new String[] {"coefficient", "null"},
                new String[] {"sampleSize", "1"}, new String[] {"sampleSize", "0"}, new String[] {"sampleSize", "2.5"},
                new String[] {"sampleSize", "99999999999"},
                new String[] {"periodStart", "\"2026-13-01\""}, new String[] {"periodStart", "\"2026-02-30\""},
                new String[] {"periodStart", "\"01/02/2026\""}, new String[] {"periodStart", "\"\""}, new String[] {"periodStart", "20260101"},
                new String[] {"periodEnd", "\"2025-12-31\""}, new String[] {"method", "\"COSINE\""}, new String[] {"method", "\"pearson\""},
                new String[] {"hypothesisId", "\"\""}, new String[] {"hypothesisId", q("h".repeat(65))},
                new String[] {"source", q("s".repeat(501))})) {
            String body = "{\"hypothesisId\":\"" + hypothesis + "\",\"coefficient\":0.5,\"sampleSize\":10,"
                    + "\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2026-01-31\"}";
            bad("correlation " + field[0] + " " + abbreviate(field[1]), "POST", path, replace(body, field[0], field[1]), 400);
        }
        bad("correlation for an unknown hypothesis", "POST", path, "{\"hypothesisId\":\"nope\",\"coefficient\":0.5,"
                + "\"sampleSize\":10,\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2026-01-31\"}", 404);
    }

    private void governance() {
        String m = "/api/v1/metrics/" + metric;
        bad("deprecation blank reason", "POST", m + "/deprecation", "{\"reason\":\" \"}", 400);
        bad("deprecation long reason", "POST", m + "/deprecation", "{\"reason\":" + q("r".repeat(2001)) + "}", 400);
        bad("deprecation replaced by itself", "POST", m + "/deprecation", "{\"reason\":\"r\",\"replacedBy\":\"" + metric + "\"}", 400);
        bad("deprecation replaced by nothing", "POST", m + "/deprecation", "{\"reason\":\"r\",\"replacedBy\":\"ghost\"}", 400);
        bad("owner blank", "PUT", m + "/owner", "{\"owner\":\"\",\"reason\":\"r\"}", 400);
        bad("owner without reason", "PUT", m + "/owner", "{\"owner\":\"lena\"}", 400);
        bad("owner as array", "PUT", m + "/owner", "{\"owner\":[\"lena\"],\"reason\":\"r\"}", 400);
        bad("revision not newer", "POST", m + "/revisions", "{\"version\":\"1.0\",\"changeNote\":\"c\"}", 400);
        bad("revision older", "POST", m + "/revisions", "{\"version\":\"0.9\",\"changeNote\":\"c\"}", 400);
        bad("revision not a version", "POST", m + "/revisions", "{\"version\":\"abc\",\"changeNote\":\"c\"}", 400);
        bad("revision with 101 deltas", "POST", m + "/revisions", "{\"version\":\"1.1\",\"changeNote\":\"c\",\"deltas\":["
                + String.join(",", java.util.Collections.nCopies(101, "{\"subject\":\"s\",\"before\":1,\"after\":2}")) + "]}", 400);
        bad("revision delta without subject", "POST", m + "/revisions",
                "{\"version\":\"1.1\",\"changeNote\":\"c\",\"deltas\":[{\"before\":1,\"after\":2}]}", 400);
        bad("revision delta with text score", "POST", m + "/revisions",
                "{\"version\":\"1.1\",\"changeNote\":\"c\",\"deltas\":[{\"subject\":\"s\",\"before\":\"x\",\"after\":2}]}", 400);
        bad("blind spot blank failure mode", "POST", m + "/blind-spots", "{\"failureMode\":\"\",\"description\":\"d\"}", 400);
        bad("blind spot long description", "POST", m + "/blind-spots",
                "{\"failureMode\":\"f\",\"description\":" + q("d".repeat(4001)) + "}", 400);
    }

    private void teams() {
        String t = "/api/v1/teams/" + team;
        for (String limit : List.of("0", "101", "-1", "\"5\"", "5.5", "null", "true")) {
            bad("budget " + limit, "PUT", t + "/budget", "{\"coreMetricLimit\":" + limit + "}", 400);
        }
        bad("budget for an invalid team slug", "PUT", "/api/v1/teams/NOT_A_SLUG/budget", "{\"coreMetricLimit\":5}", 400);
        String start = "\"startsAt\":\"2030-01-07T09:00:00.000Z\"";
        for (String[] rotation : List.of(
                new String[] {"no members", "\"members\":[],\"period\":\"P7D\"," + start},
                new String[] {"one member", "\"members\":[\"a\"],\"period\":\"P7D\"," + start},
                new String[] {"a member twice", "\"members\":[\"a\",\"a\"],\"period\":\"P7D\"," + start},
                new String[] {"a blank member", "\"members\":[\"a\",\"\"],\"period\":\"P7D\"," + start},
                new String[] {"101 members", "\"members\":[" + members(101) + "],\"period\":\"P7D\"," + start},
                new String[] {"a period of two months", "\"members\":[\"a\",\"b\"],\"period\":\"P2M\"," + start},
                new String[] {"a zero period", "\"members\":[\"a\",\"b\"],\"period\":\"PT0S\"," + start},
                new String[] {"a negative period", "\"members\":[\"a\",\"b\"],\"period\":\"-PT1H\"," + start},
                new String[] {"a start that is a word", "\"members\":[\"a\",\"b\"],\"period\":\"P7D\",\"startsAt\":\"tomorrow\""},
                new String[] {"a start that is a date", "\"members\":[\"a\",\"b\"],\"period\":\"P7D\",\"startsAt\":\"2030-01-07\""})) {
            bad("rotation with " + rotation[0], "PUT", t + "/rotation", "{" + rotation[1] + "}", 400);
        }
        bad("override ending before it starts", "POST", t + "/rotation/overrides", "{\"member\":\"lena\",\"replacement\":\"vera\","
                + "\"from\":\"2030-02-01T00:00:00Z\",\"to\":\"2030-01-01T00:00:00Z\"}", 400);
        bad("override replacing a member by themself", "POST", t + "/rotation/overrides", "{\"member\":\"lena\","
                + "\"replacement\":\"lena\",\"from\":\"2030-01-01T00:00:00Z\",\"to\":\"2030-02-01T00:00:00Z\"}", 400);
        bad("override for a non-member", "POST", t + "/rotation/overrides", "{\"member\":\"zed\",\"replacement\":\"vera\","
                + "\"from\":\"2030-01-01T00:00:00Z\",\"to\":\"2030-02-01T00:00:00Z\"}", 400);
        bad("override without from", "POST", t + "/rotation/overrides",
                "{\"member\":\"lena\",\"replacement\":\"vera\",\"to\":\"2030-02-01T00:00:00Z\"}", 400);
    }

    private void queriesAndPaths() {
        for (String query : List.of("size=0", "size=201", "size=-1", "size=abc", "size=1e3", "page=-1", "page=x",
                "status=foo", "status=validated")) {
            bad("list with " + query, "GET", "/api/v1/metrics?" + query, null, 400);
        }
        for (String asOf : List.of("garbage", "2026-13-01", "2026-01-01T00:00:00", "1700000000")) {
            bad("as of " + asOf, "GET", "/api/v1/metrics/" + metric + "?asOf=" + asOf, null, 400);
        }
        bad("review as pdf", "GET", "/api/v1/teams/" + team + "/review?format=pdf", null, 400);
        bad("calendar with no handoffs", "GET", "/api/v1/teams/" + team + "/rotation.ics?count=0", null, 400);
        bad("calendar with too many handoffs", "GET", "/api/v1/teams/" + team + "/rotation.ics?count=101", null, 400);
        for (String id : List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f", "'%20OR%201=1%20--", "x".repeat(1000),
                "%00", "00000000-0000-0000-0000-00000000000g")) {
            bad("metric id " + abbreviate(id), "GET", "/api/v1/metrics/" + id, null, 404);
        }
        bad("team path traversal", "GET", "/api/v1/teams/..%2Fadmin", null, 404);
        bad("team in capitals", "GET", "/api/v1/teams/SEARCH", null, 404);
        bad("patch on the collection", "PATCH", "/api/v1/metrics", "{}", 405);
        bad("delete a metric", "DELETE", "/api/v1/metrics/" + metric, null, 405);
    }

    private void wholeBodies() {
        String path = "/api/v1/metrics";
        for (String body : List.of("", "null", "[]", "42", "\"text\"", "{", "{}}", "{\"name\":\"n\"} trailing",
                "{\"name\":\"a\",\"name\":\"b\",\"team\":\"" + team + "\",\"owner\":\"o\"}",
                "{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + "}")) {
            bad("body " + abbreviate(body), "POST", path, body, 400);
        }
        bad("body of 70 KiB", "POST", path, "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}", 413);
        bad("plain text", "POST", path, "text/plain", "name=n", 415);
        bad("xml", "POST", path, "application/xml", "<metric/>", 415);
        bad("a form", "POST", path, "application/x-www-form-urlencoded", "name=n&team=t&owner=o", 415);
    }

    private void bad(String name, String method, String path, String body, int expected) {
        bad(name, method, path, "application/json", body, expected);
    }

    private void bad(String name, String method, String path, String contentType, String body, int expected) {
        cases.add(new Case(name, method, path, contentType, body, expected));
    }

    /** Everything a refused request could have touched. */
    private String fingerprint() {
        return given().get("/api/v1/metrics?size=200").asString()
                + given().get("/api/v1/metrics/" + metric + "/history").asString()
                + given().get("/api/v1/teams/" + team).asString()
                + given().get("/api/v1/teams/" + team + "/rotation").asString().replaceAll("\"nextHandoffAt\":\"[^\"]*\"", "");
    }

    private static String replace(String json, String field, String value) {
        String pattern = "\"" + field + "\":";
        if (!json.contains(pattern)) {
            return json.substring(0, json.length() - 1) + "," + pattern + value + "}";
        }
        return json.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]*)", java.util.regex.Matcher.quoteReplacement(pattern + value));
    }

    private static String defaultOf(String field) {
        return switch (field) {
            case "direction" -> "\"POSITIVE\"";
            case "minCorrelation" -> "0.5";
            case "minSampleSize" -> "10";
            case "outcome" -> "\"o\"";
            case "statement" -> "\"s\"";
            default -> "\u0000";
        };
    }

    private static String members(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("\"m" + i + "\"");
        }
        return String.join(",", names);
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
