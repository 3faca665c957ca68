package org.metriclifecycle.deploy.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.Eventually;
import org.metriclifecycle.deploy.support.PostgresProfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The Grafana dashboard in {@code deploy/grafana} queries only what the service exports: every selector's metric
 * name is a series of {@code /q/metrics}, with the labels the selector filters on; and the lifecycle gauges count
 * a team's metrics by status.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("grafana/metric-lifecycle.json");
    /** A metric name followed by its label matchers: {@code name{label="x", other=~"y"}}. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!=|!~|=)");
    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})?\\s");

    @Test
    void everyQueryNamesAnExportedMetricWithItsLabels() throws Exception {
        Api.signInAs("ada");
        String team = Api.freshTeam();
        Api.propose(team, "lena");
        given().get("/api/v1/metrics?team=" + team).then().statusCode(200);

        Eventually.within(Duration.ofSeconds(30), () -> assertThat(scrape())
                .contains("metric_lifecycle_metrics{status=\"PROPOSED\",team=\"" + team + "\"} 1.0"));
        Map<String, Set<String>> exported = exportedLabels(scrape());

        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        List<String> queries = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> panel.get("targets").forEach(t -> queries.add(t.get("expr").asText())));
        assertThat(queries).hasSizeGreaterThanOrEqualTo(8);
        for (String query : queries) {
            Matcher selector = SELECTOR.matcher(query);
            assertThat(selector.find()).as("a selector in " + query).isTrue();
            do {
                String name = selector.group(1);
                assertThat(exported).as(query).containsKey(name);
                Matcher label = MATCHER.matcher(selector.group(2));
                while (label.find()) {
                    assertThat(exported.get(name)).as(name + " in " + query).contains(label.group(1));
                }
            } while (selector.find());
        }
        String variable = dashboard.get("templating").get("list").get(1).get("query").asText();
        assertThat(variable).isEqualTo("label_values(metric_lifecycle_metrics, team)");
        assertThat(exported.get("metric_lifecycle_metrics")).contains("team", "status");
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static Map<String, Set<String>> exportedLabels(String exposition) {
        Map<String, Set<String>> labels = new HashMap<>();
        for (String line : exposition.split("\n")) {
            Matcher series = SERIES.matcher(line);
            if (line.startsWith("#") || !series.find()) {
                continue;
            }
            Set<String> names = labels.computeIfAbsent(series.group(1), n -> new HashSet<>());
            if (series.group(3) != null) {
                Matcher label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"").matcher(series.group(3));
                while (label.find()) {
                    names.add(label.group(1));
                }
            }
        }
        return labels;
    }
}
