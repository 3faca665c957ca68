package org.metriclifecycle.query.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metriclifecycle.query.metric.TestEvents.day;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.ScoreDelta;
import org.metriclifecycle.events.ShadowCheckConcluded;
import org.metriclifecycle.events.ShadowCheckOpened;
import org.metriclifecycle.events.ShadowCheckResult;
import org.metriclifecycle.events.Verdict;

/**
 * The leaves and the document written in one pass of Jackson's serializer ({@link ViewDiff#leavesOf},
 * {@link ViewDiff#serialize}) are exactly the leaves of the view's JSON tree, in the same order, and exactly the JSON
 * text of the view.
 */
class ViewLeavesTest {

    private static final ObjectMapper JSON = ViewJson.mapper();

    @Test
    void randomJsonTreesGiveTheLeavesOfFlatteningThem() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            JsonNode tree = randomObject(random, 0);
            LeafRecorder recorder = new LeafRecorder();
            JSON.writeValue(new LeafGenerator(JSON, recorder), tree);
            assertSameLeaves(recorder.leaves(), ViewDiff.flattened(tree));
        }
    }

    @Test
    void anElementIsNamedByItsFirstTextualIdFieldWhereverItComes() throws Exception {
        JsonNode tree = JSON.readTree("""
                {"items":[{"size":1,"otherId":null,"itemId":"a","nested":[{"x":1,"subId":"s"},[2,3]]},{"size":2}],
                 "plain":[true,"x"],"empty":{},"none":[]}""");
        LeafRecorder recorder = new LeafRecorder();
        JSON.writeValue(new LeafGenerator(JSON, recorder), tree);

        assertThat(recorder.leaves().keySet()).containsExactly("items[a].size", "items[a].otherId", "items[a].itemId",
                "items[a].nested[s].x", "items[a].nested[s].subId", "items[a].nested[1][0]", "items[a].nested[1][1]",
                "items[1].size", "plain[0]", "plain[1]");
        assertSameLeaves(recorder.leaves(), ViewDiff.flattened(tree));
    }

    @Test
    void everyViewOfRandomHistoriesWritesAsItsTreeDoes() throws Exception {
        Random random = new Random(5);
        for (int history = 0; history < 200; history++) {
            MetricView view = null;
            for (MetricEvent event : randomHistory(random)) {
                view = MetricViewFold.apply(view, event);
                MetricView shown = random.nextBoolean() ? view : view.withNextHandoff("lena", day(9));
                JsonNode tree = JSON.valueToTree(shown);
                Map<String, JsonNode> expected = ViewDiff.flattened(tree);

                assertSameLeaves(ViewDiff.leavesOf(shown), expected);
                ViewDiff.Serialized written = ViewDiff.serialize(shown);
                assertSameLeaves(written.leaves(), expected);
                assertThat(written.document()).isEqualTo(JSON.writeValueAsString(shown))
                        .isEqualTo(JSON.writeValueAsString(tree));
            }
        }
    }

    private static void assertSameLeaves(Map<String, JsonNode> actual, Map<String, JsonNode> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((path, node) -> {
            JsonNode value = actual.get(path);
            assertThat(value.getNodeType()).as(path).isEqualTo(node.getNodeType());
            assertThat(value.numberType()).as(path).isEqualTo(node.numberType());
            assertThat(value).as(path).isEqualTo(node);
        });
    }

    private static List<MetricEvent> randomHistory(Random random) {
        String m = "m-1";
        List<MetricEvent> events = new ArrayList<>();
        events.add(TestEvents.proposed(m, day(0)));
        int hypotheses = 0;
        int correlations = 0;
        int checks = 0;
        String version = "1.0";
        int steps = 1 + random.nextInt(14);
        for (int step = 1; step <= steps; step++) {
            int kind = random.nextInt(9);
            if (hypotheses == 0 || kind == 0) {
                events.add(TestEvents.linked(m, "h" + ++hypotheses));
            } else if (kind <= 3) {
                Verdict verdict = Verdict.values()[random.nextInt(Verdict.values().length)];
                String hypothesis = "h" + (1 + random.nextInt(hypotheses));
                if (random.nextBoolean()) {
                    events.add(TestEvents.correlation(m, "c" + ++correlations, hypothesis, verdict, day(step),
                            version));
                } else {
                    LocalDate end = LocalDate.of(2026, 1, 1).plusDays(step);
                    events.add(EvidenceViewTest.windowed("c" + ++correlations, 3 + random.nextInt(2_000), end,
                            version, null, EvidenceViewTest.windowFrom(end), day(step)));
                }
            } else if (kind == 4) {
                String next = random.nextBoolean() ? version.split("\\.")[0] + "." + step : (step + 1) + ".0";
                events.add(TestEvents.revised(m, version, next, day(step),
                        new ScoreDelta("baseline", random.nextDouble(), random.nextBoolean() ? null : 0.5)));
                version = next;
            } else if (kind == 5) {
                events.add(TestEvents.blindSpot(m, "b" + step, day(step)));
            } else if (kind == 6) {
                events.add(random.nextBoolean() ? TestEvents.ownerChanged(m, "ada", "carl", day(step))
                        : TestEvents.rotated(m, "ada", "lena", step, day(step)));
            } else if (kind == 7) {
                events.add(new ShadowCheckOpened(m, "s" + ++checks, "prompt v" + checks, 0.04, "h1", day(step),
                        day(step + 3)));
                if (random.nextBoolean()) {
                    events.add(new ShadowCheckConcluded(m, "s" + checks, 0.01, 200, null,
                            random.nextBoolean() ? ShadowCheckResult.CONFIRMED : ShadowCheckResult.DIVERGED,
                            day(step + 1)));
                }
            } else {
                events.add(random.nextBoolean() ? TestEvents.deprioritized(m, day(step))
                        : TestEvents.reprioritized(m, "c" + correlations, day(step)));
            }
        }
        if (random.nextInt(5) == 0) {
            events.add(TestEvents.deprecated(m, "replaced", random.nextBoolean() ? "m-2" : null, day(steps + 1)));
        }
        return events;
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        int fields = random.nextInt(depth == 0 ? 6 : 4);
        for (int i = 0; i < fields; i++) {
            String name = random.nextInt(4) == 0 ? "k" + i + "Id" : "k" + i;
            object.set(name, randomValue(random, depth + 1));
        }
        return object;
    }

    private static JsonNode randomValue(Random random, int depth) {
        int kind = random.nextInt(depth >= 4 ? 6 : 8);
        return switch (kind) {
            case 0 -> NODES.textNode("t" + random.nextInt(5));
            case 1 -> NODES.numberNode(random.nextInt(100));
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextDouble());
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> randomObject(random, depth);
            default -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
        };
    }
}
