package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint x every role x own team / other team, with the exact status SPEC's rules give, and proof that
 * a refused request stored nothing. The expectations are written out here, independently of the production
 * policy, from SPEC: viewer reads; contributor proposes, links, revises, records blind spots; pipeline records
 * correlations; lead does all that plus deprecation, owner changes, rotation and budget; admin does everything;
 * all of it only in one's own teams (the demo users lena, carl and pipe belong to team search). Webhooks (issue #6)
 * are the lead's alone, reading them included: their URLs can be credentials.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class AuthorizationMatrixTest {

    private static final String OWN = "search";
    private static final String OTHER = "other";

    /** A user of the demo users file, or nobody (null), or a known user with a wrong password. */
    private record Who(String user, String password, String role) {
    }

    private static final List<Who> CALLERS = List.of(
            new Who(null, null, "anonymous"),
            new Who("lena", "wrong", "bad password"),
            new Who("ada", "ada", "admin"),
            new Who("lena", "lena", "lead"),
            new Who("carl", "carl", "contributor"),
            new Who("pipe", "pipe", "pipeline"),
            new Who("vera", "vera", "viewer"));

    /** The state a case acts on, made fresh by the admin so every case starts from the same place. */
    private record Target(String team, String metricId, String hypothesisId, String subscriptionId, String checkId) {
    }

    private record Endpoint(String name, Set<String> writers, int success, Function<Target, Response> call) {
    }

    private static final Set<String> READERS = Set.of("admin", "lead", "contributor", "pipeline", "viewer");
    /** Never called: the subscriptions only receive rotation handoffs, and the matrix's rotation starts in 2030. */
    private static final String HOOK = "https://hooks.example.invalid/matrix";

    private final List<Endpoint> endpoints = List.of(
            write("propose metric", Set.of("contributor", "lead"), 201,
                    t -> json().body(Api.metric(t.team(), "x")).post("/api/v1/metrics")),
            write("link hypothesis", Set.of("contributor", "lead"), 201,
                    t -> json().body(Api.hypothesis("POSITIVE", 0.5, 10)).post(metric(t) + "/hypotheses")),
            write("record correlation", Set.of("pipeline", "lead"), 201,
                    t -> json().body(Api.correlation(t.hypothesisId(), 0.9, 50)).post(metric(t) + "/correlations")),
            // Shadow checks (issue #12): contributors open them like they link hypotheses; an outcome is recorded by
            // the pipeline that measures it or by the contributor who opened the check.
            write("open shadow check", Set.of("contributor", "lead"), 201,
                    t -> json().body(Map.of("change", "c", "evalDelta", 0.1, "hypothesisId", t.hypothesisId()))
                            .post(metric(t) + "/shadow-checks")),
            write("conclude shadow check", Set.of("pipeline", "contributor", "lead"), 200,
                    t -> json().body(Map.of("outcomeDelta", 0.1))
                            .post(metric(t) + "/shadow-checks/" + t.checkId() + "/outcome")),
            write("deprecate", Set.of("lead"), 200,
                    t -> json().body(Map.of("reason", "matrix")).post(metric(t) + "/deprecation")),
            write("change owner", Set.of("lead"), 200,
                    t -> json().body(Map.of("owner", "newbie", "reason", "matrix")).put(metric(t) + "/owner")),
            write("revise definition", Set.of("contributor", "lead"), 201,
                    t -> json().body(Map.of("version", "1.1", "changeNote", "matrix")).post(metric(t) + "/revisions")),
            write("record blind spot", Set.of("contributor", "lead"), 201,
                    t -> json().body(Map.of("failureMode", "f", "description", "d")).post(metric(t) + "/blind-spots")),
            write("set budget", Set.of("lead"), 200,
                    t -> json().body(Map.of("coreMetricLimit", 100)).put(team(t) + "/budget")),
            write("set rotation", Set.of("lead"), 200,
                    t -> json().body(rotation()).put(team(t) + "/rotation")),
            write("add rotation override", Set.of("lead"), 201,
                    t -> json().body(Map.of("member", "lena", "replacement", "vera", "from", Instant.now().toString(),
                            "to", Instant.now().plusSeconds(86400).toString())).post(team(t) + "/rotation/overrides")),
            write("stop rotation", Set.of("lead"), 204, t -> spec().delete(team(t) + "/rotation")),
            // Every name the other cases use, so the roster a case sets never refuses a later one.
            write("set roster", Set.of("lead"), 200,
                    t -> json().body(Map.of("members", List.of("x", "ada", "newbie", "lena", "carl", "vera"), "reason", "matrix"))
                            .put(team(t) + "/members")),
            write("rebuild status (admin only)", Set.of(), 200,
                    t -> spec().get("/api/v1/admin/projections/rebuild")),
            // Signed checkpoints (issue 13): made by the admin, read and checked by everyone signed in. A make comes
            // first, so the latest exists for the reads.
            write("make audit checkpoint (admin only)", Set.of(), 201,
                    t -> json().post("/api/v1/audit/checkpoints")),
            read("latest audit checkpoint", t -> spec().get("/api/v1/audit/checkpoints/latest")),
            read("verify audit checkpoint", t -> json().body(latestCheckpoint()).post("/api/v1/audit/verify")),
            write("subscribe webhook", Set.of("lead"), 201,
                    t -> json().body(Map.of("url", HOOK, "events", List.of("rotation.handoff"))).post(team(t) + "/webhooks")),
            write("list webhooks", Set.of("lead"), 200, t -> spec().get(team(t) + "/webhooks")),
            write("webhook deliveries", Set.of("lead"), 200,
                    t -> spec().get(team(t) + "/webhooks/" + t.subscriptionId() + "/deliveries")),
            write("unsubscribe webhook", Set.of("lead"), 204,
                    t -> spec().delete(team(t) + "/webhooks/" + t.subscriptionId())),
            read("list metrics", t -> spec().get("/api/v1/metrics?team=" + t.team())),
            read("get metric", t -> spec().get(metric(t))),
            read("get metric as of", t -> spec().get(metric(t) + "?asOf=" + Instant.now())),
            read("history", t -> spec().get(metric(t) + "/history")),
            read("list correlations", t -> spec().get(metric(t) + "/correlations")),
            read("list shadow checks", t -> spec().get(metric(t) + "/shadow-checks")),
            read("verify history", t -> spec().get(metric(t) + "/history/verify")),
            read("team summary", t -> spec().get(team(t))),
            read("team history", t -> spec().get(team(t) + "/history")),
            read("rotation", t -> spec().get(team(t) + "/rotation")),
            read("rotation calendar", t -> spec().get(team(t) + "/rotation.ics")),
            read("review", t -> spec().get(team(t) + "/review")),
            read("review as csv", t -> spec().get(team(t) + "/review?format=csv")));

    private Who current;

    @Test
    void everyEndpointAnswersEveryRoleInEveryTeamExactlyAsSpecSays() {
        for (String team : List.of(OWN, OTHER)) {
            asAdmin().contentType(ContentType.JSON).body(Map.of("coreMetricLimit", 100)).put("/api/v1/teams/" + team + "/budget")
                    .then().statusCode(200);
        }
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        for (Endpoint endpoint : endpoints) {
            for (Who who : CALLERS) {
                for (String team : List.of(OWN, OTHER)) {
                    Target target = prepare(team);
                    String before = fingerprint(target);
                    current = who;
                    int status = endpoint.call().apply(target).statusCode();
                    current = null;
                    int expected = expected(endpoint, who, team);
                    cases++;
                    if (status != expected) {
                        mismatches.add(endpoint.name() + " as " + who.role() + " in " + (team.equals(OWN) ? "own" : "other")
                                + " team: expected " + expected + ", got " + status);
                    }
                    if (status >= 400 && !fingerprint(target).equals(before)) {
                        mismatches.add(endpoint.name() + " as " + who.role() + " in " + team + ": refused but stored something");
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(endpoints.size() * CALLERS.size() * 2);
        assertThat(mismatches).as("status mismatches").isEmpty();
    }

    private static int expected(Endpoint endpoint, Who who, String team) {
        if (who.user() == null || !who.user().equals(who.password())) {
            return 401;
        }
        if (endpoint.writers() == null) {
            return READERS.contains(who.role()) ? endpoint.success() : 403;
        }
        if (who.role().equals("admin")) {
            return endpoint.success();
        }
        return endpoint.writers().contains(who.role()) && team.equals(OWN) ? endpoint.success() : 403;
    }

    /** The previous case's metric per team, retired before the next case so the team stays within its budget. */
    private final Map<String, String> previous = new java.util.HashMap<>();

    private Target prepare(String team) {
        String retired = previous.get(team);
        if (retired != null) {
            int status = asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "next case"))
                    .post("/api/v1/metrics/" + retired + "/deprecation").statusCode();
            assertThat(status).isIn(200, 409);
        }
        String metricId = asAdmin().contentType(ContentType.JSON).body(Api.metric(team, "ada")).post("/api/v1/metrics")
                .then().statusCode(201).extract().path("metricId");
        String hypothesisId = asAdmin().contentType(ContentType.JSON).body(Api.hypothesis("POSITIVE", 0.5, 10))
                .post("/api/v1/metrics/" + metricId + "/hypotheses").then().statusCode(201).extract().path("hypothesisId");
        asAdmin().contentType(ContentType.JSON).body(rotation()).put("/api/v1/teams/" + team + "/rotation")
                .then().statusCode(200);
        String checkId = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("change", "c", "evalDelta", 0.1, "hypothesisId", hypothesisId))
                .post("/api/v1/metrics/" + metricId + "/shadow-checks").then().statusCode(201).extract().path("checkId");
        previous.put(team, metricId);
        return new Target(team, metricId, hypothesisId, subscription(team), checkId);
    }

    /** The team's subscription of the previous case, or a new one if that case removed it. */
    private final Map<String, String> subscriptions = new java.util.HashMap<>();

    private String subscription(String team) {
        List<String> current = asAdmin().get("/api/v1/teams/" + team + "/webhooks").then().statusCode(200)
                .extract().path("items.subscriptionId");
        String subscriptionId = subscriptions.get(team);
        if (subscriptionId == null || !current.contains(subscriptionId)) {
            subscriptionId = asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("url", HOOK, "events", List.of("rotation.handoff")))
                    .post("/api/v1/teams/" + team + "/webhooks").then().statusCode(201).extract().path("subscriptionId");
            subscriptions.put(team, subscriptionId);
        }
        return subscriptionId;
    }

    /**
     * What a refused request must leave untouched: the target's history, its team and webhooks, the metric count, the
     * latest checkpoint.
     */
    private String fingerprint(Target target) {
        return asAdmin().get("/api/v1/metrics/" + target.metricId() + "/history").asString()
                + asAdmin().get("/api/v1/teams/" + target.team()).asString()
                + asAdmin().get("/api/v1/teams/" + target.team() + "/webhooks").asString()
                + asAdmin().get("/api/v1/teams/" + target.team() + "/rotation").asString()
                .replaceAll("\"nextHandoffAt\":\"[^\"]*\"", "")
                + asAdmin().get("/api/v1/metrics?size=1").then().extract().path("total")
                + asAdmin().get("/api/v1/audit/checkpoints/latest").then().extract().path("checkpointId");
    }

    /** The newest checkpoint, as the admin reads it (an auditor would have kept it). */
    private static String latestCheckpoint() {
        return asAdmin().get("/api/v1/audit/checkpoints/latest").then().statusCode(200).extract().asString();
    }

    private static Map<String, Object> rotation() {
        return Map.of("members", List.of("lena", "carl"), "period", "P7D", "startsAt", "2030-01-07T09:00:00.000Z");
    }

    private static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic("ada", "ada");
    }

    private RequestSpecification spec() {
        RequestSpecification spec = given().auth().none();
        return current.user() == null ? spec : given().auth().preemptive().basic(current.user(), current.password());
    }

    private RequestSpecification json() {
        return spec().contentType(ContentType.JSON);
    }

    private static String metric(Target target) {
        return "/api/v1/metrics/" + target.metricId();
    }

    private static String team(Target target) {
        return "/api/v1/teams/" + target.team();
    }

    private static Endpoint write(String name, Set<String> writers, int success, Function<Target, Response> call) {
        return new Endpoint(name, writers, success, call);
    }

    private static Endpoint read(String name, Function<Target, Response> call) {
        return new Endpoint(name, null, 200, call);
    }

    static {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }
}
