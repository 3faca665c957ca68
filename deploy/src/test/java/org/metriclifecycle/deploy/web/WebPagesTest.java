package org.metriclifecycle.deploy.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.H2Profile;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The web page on the embedded default: every page and fragment needs a signed-in caller, renders for a viewer,
 * offers exactly the forms the caller's role allows, carries the page's CSP, and /ui/events streams what the
 * projections committed.
 */
@QuarkusTest
@TestProfile(H2Profile.class)
class WebPagesTest {

    @TestHTTPResource("/ui/events")
    URI events;

    private String metricId;

    @BeforeEach
    void aMetricWithAHypothesis() {
        // Team search is the demo users' team; room for every test's metrics whatever ran before on this database.
        Api.signInAs("ada");
        given().contentType(ContentType.JSON).body(Map.of("coreMetricLimit", 100)).put("/api/v1/teams/search/budget")
                .then().statusCode(200);
        Api.signInAs("lena");
        metricId = Api.propose("search", "lena");
        Api.link(metricId, "POSITIVE", 0.6, 100);
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    @Test
    void everyPageRendersForAViewerAndNoneWithoutSignIn() {
        List<String> pages = List.of("/ui/board", "/ui/board?team=search&owner=lena&status=LINKED", "/ui/board/cards",
                "/ui/metrics/" + metricId, "/ui/metrics/" + metricId + "/sections",
                "/ui/metrics/" + metricId + "/actions", "/ui/teams/search", "/ui/teams/search/sections",
                "/ui/teams/search/actions");
        for (String page : pages) {
            given().auth().preemptive().basic("vera", "vera").get(page).then().statusCode(200)
                    .contentType(ContentType.HTML);
            given().get(page).then().statusCode(401).header("WWW-Authenticate", containsString("Basic"));
            given().auth().preemptive().basic("vera", "wrong").get(page).then().statusCode(401);
        }
        given().get("/ui/events").then().statusCode(401);
    }

    @Test
    void pagesShowWhatTheyPromise() {
        String board = html("vera", "/ui/board?team=search");
        assertThat(board).contains("Lifecycle board").contains("data-metric-id=\"" + metricId + "\"")
                .contains("data-status=\"LINKED\"").contains("left to link")
                .contains("data-status=\"REFUTED\"").contains("<dt>Track record</dt>")
                .contains("no shadow checks yet");
        String detail = html("vera", "/ui/metrics/" + metricId);
        assertThat(detail).contains("Hypotheses").contains("Audit timeline").contains("HypothesisLinked")
                .contains("<svg").contains("r ≥ 0.6").contains("Blind spots").contains("Revisions")
                .contains("INTERVAL rule at 95% confidence; samples needed: ").contains("Shadow checks")
                .contains("No shadow check opened yet");
        String team = html("vera", "/ui/teams/search");
        assertThat(team).contains("Metric budget").contains("of <strong>100</strong>").contains("Owner load")
                .contains("Quarterly review").contains("/api/v1/teams/search/review?format=md");
    }

    @Test
    void formsFollowTheCallersRoleInTheMetricsTeam() {
        String detail = "/ui/metrics/" + metricId;
        assertThat(forms("lena", detail)).containsExactlyInAnyOrder("link", "correlate", "shadow", "revise", "blind-spot",
                "owner", "deprecate");
        assertThat(forms("carl", detail)).containsExactlyInAnyOrder("link", "shadow", "revise", "blind-spot");
        assertThat(forms("pipe", detail)).containsExactly("correlate");
        assertThat(forms("vera", detail)).isEmpty();
        assertThat(forms("ada", detail)).hasSize(7);
        assertThat(html("vera", detail)).contains("Track record").contains("shadow checks; never confirmed");

        assertThat(forms("lena", "/ui/teams/search")).containsExactlyInAnyOrder("propose", "budget", "rotation");
        assertThat(forms("carl", "/ui/teams/search")).containsExactly("propose");
        assertThat(forms("pipe", "/ui/teams/search")).isEmpty();
        assertThat(forms("vera", "/ui/teams/search")).isEmpty();

        assertThat(forms("carl", "/ui/board")).containsExactly("propose");
        assertThat(forms("vera", "/ui/board")).isEmpty();
        assertThat(forms("pipe", "/ui/board")).isEmpty();

        // A past state and a deprecated metric offer nothing to anyone.
        assertThat(forms("lena", detail + "?asOf=" + Instant.now())).isEmpty();
        Api.signInAs("lena");
        Api.post("/api/v1/metrics/" + metricId + "/deprecation", Map.of("reason", "superseded")).statusCode(200);
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        assertThat(forms("lena", detail)).isEmpty();
    }

    @Test
    void theDetailPageConcludesAShadowCheckThroughTheApiAndTheCardCountsIt() {
        String detail = "/ui/metrics/" + metricId;
        assertThat(forms("lena", detail)).doesNotContain("conclude");
        Api.signInAs("lena");
        String hypothesisId = Api.view(metricId).extract().path("hypotheses[0].hypothesisId");
        Api.correlate(metricId, hypothesisId, 0.9, 500);
        String checkId = Api.post("/api/v1/metrics/" + metricId + "/shadow-checks", Map.of("change", "prompt v2",
                "evalDelta", 0.04, "hypothesisId", hypothesisId)).statusCode(201).extract().path("checkId");
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;

        // The roles that may post an outcome (pipeline, contributor, lead) are offered the form; a viewer is not.
        for (String user : List.of("lena", "carl", "pipe", "ada")) {
            assertThat(forms(user, detail)).as(user).contains("conclude");
        }
        assertThat(forms("vera", detail)).isEmpty();
        String actions = html("pipe", detail + "/actions");
        assertThat(actions).contains("<option value=\"" + checkId + "\">prompt v2: eval +0.04; confirmed if"
                        + " user-reported errors rises; until ")
                .contains("name=\"checkId\" data-kind=\"text\" data-in-path")
                .contains("id=\"conclude-outcomeDelta\"").contains("id=\"conclude-sampleSize\"")
                .contains("id=\"conclude-note\"");
        String path = Pattern.compile("<form class=\"api-form\" id=\"conclude\" data-api=\"([^\"]+)\"")
                .matcher(actions).results().map(match -> match.group(1)).findFirst().orElseThrow();
        assertThat(path).isEqualTo("/api/v1/metrics/" + metricId + "/shadow-checks/:checkId/outcome");

        // What the page's script sends: the chosen check in the path, the other fields as the body.
        given().auth().preemptive().basic("pipe", "pipe").contentType(ContentType.JSON)
                .body(Map.of("outcomeDelta", 0.02, "sampleSize", 800, "note", "two days of traffic"))
                .post(path.replace(":checkId", checkId)).then().statusCode(200)
                .body("result", equalTo("CONFIRMED"));

        assertThat(forms("lena", detail)).as("nothing left to conclude").doesNotContain("conclude");
        String sections = html("vera", detail + "/sections");
        assertThat(sections).containsPattern("<tr data-check-id=\"" + checkId + "\"><td>prompt v2</td>"
                        + "<td>\\+0.04</td><td>user-reported errors</td><td><time[^>]+>[^<]+</time></td>"
                        + "<td><span class=\"check-state confirmed\">CONFIRMED</span></td><td>\\+0.02</td></tr>")
                .contains("1 confirmed, 0 diverged, 0 open, 0 expired shadow checks; false-positive rate 0;"
                        + " last confirmed ")
                .contains("<strong>Pooled estimate:</strong> r = 0.9 (")
                .contains("over n = 500 from 1 counted correlation;")
                .contains("<th scope=\"col\">Interval</th>");
        String board = html("vera", "/ui/board?team=search");
        String card = board.substring(board.indexOf("data-metric-id=\"" + metricId + "\""));
        card = card.substring(0, card.indexOf("</li>"));
        assertThat(card).contains("false-positive rate 0; 1 confirmed, 0 diverged, 0 open, 0 expired;"
                + " last confirmed " + LocalDate.now(ZoneOffset.UTC));
    }

    @Test
    void pagesAllowOnlyTheirOwnScriptsAndStyles() {
        given().auth().preemptive().basic("vera", "vera").get("/ui/board").then()
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe")))
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY");
        for (String page : List.of("/ui/board", "/ui/metrics/" + metricId, "/ui/teams/search")) {
            String html = html("lena", page);
            assertThat(html).as(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain(" style=")
                    .doesNotContain("http://").doesNotContain("https://");
        }
        given().get("/ui/app.js").then().statusCode(200);
        given().get("/ui/app.css").then().statusCode(200);
        // The API keeps its own, stricter policy.
        given().auth().preemptive().basic("vera", "vera").get("/api/v1/metrics").then()
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    @Test
    void theRootLeadsToTheBoardAndUnknownThingsAreNotFound() {
        given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", containsString("/ui/board"));
        given().auth().preemptive().basic("vera", "vera").get("/ui/metrics/no-such-metric").then().statusCode(404)
                .contentType(ContentType.HTML).body(containsString("no metric with id"))
                .body(containsString("Back to the board"));
        // The API keeps answering problem documents.
        given().auth().preemptive().basic("vera", "vera").get("/api/v1/metrics/no-such-metric").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().preemptive().basic("vera", "vera").get("/ui/metrics/" + metricId + "?asOf=2000-01-01").then()
                .statusCode(404);
        given().auth().preemptive().basic("vera", "vera").get("/ui/metrics/" + metricId + "?asOf=soon").then()
                .statusCode(400);
        given().auth().preemptive().basic("vera", "vera").get("/ui/teams/no-such-team").then().statusCode(404);
        given().auth().preemptive().basic("vera", "vera").get("/ui/board?status=ALIVE").then().statusCode(400);
    }

    @Test
    void theEventStreamTellsWhatTheProjectionsCommitted() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(events).header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("vera:vera".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(next(lines, "Connected")).contains("\"type\":\"Connected\"");
            Api.signInAs("lena");
            String proposed = Api.propose("search", "lena");
            RestAssured.authentication = RestAssured.DEFAULT_AUTH;
            // The metric's stream and the team's (which admitted it) arrive from two processors, in either order.
            List<String> seen = new ArrayList<>();
            String metricLine = "\"stream\":\"" + proposed + "\",\"team\":\"search\",\"type\":\"MetricProposed\"";
            String teamLine = "\"stream\":\"team:search\",\"team\":\"search\",\"type\":\"TeamMetricAdmitted\"";
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && !(contains(seen, metricLine) && contains(seen, teamLine))) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.add(line);
                }
            }
            assertThat(contains(seen, metricLine)).as("%s in %s", metricLine, seen).isTrue();
            assertThat(contains(seen, teamLine)).as("%s in %s", teamLine, seen).isTrue();
            assertThat(seen).filteredOn(line -> line.contains(proposed)).allSatisfy(line ->
                    assertThat(line).startsWith("data:"));
        } finally {
            response.body().close();
        }
    }

    private static boolean contains(List<String> lines, String part) {
        return lines.stream().anyMatch(line -> line.contains(part));
    }

    private static String next(BlockingQueue<String> lines, String containing) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(containing)) {
                return line;
            }
        }
        throw new AssertionError("no event line containing " + containing + " within 10 s");
    }

    private static String html(String user, String path) {
        return given().auth().preemptive().basic(user, user).get(path).then().statusCode(200).extract().asString();
    }

    private static List<String> forms(String user, String path) {
        String html = html(user, path);
        return Pattern.compile("<form class=\"api-form\" id=\"([^\"]+)\"").matcher(html).results()
                .map(match -> match.group(1)).toList();
    }
}
