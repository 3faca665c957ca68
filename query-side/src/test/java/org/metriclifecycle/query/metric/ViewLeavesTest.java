package org.metriclifecycle.query.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metriclifecycle.query.metric.TestEvents.day;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    @Test
    void diffsOfRandomTreesWalkedSideBySideAreTheDiffsOfLookingPathsUp() throws Exception {
        Random random = new Random(23);
        int distinct = 0;
        for (int i = 0; i < 3_000; i++) {
            ObjectNode before = randomObject(random, 0);
            if (random.nextInt(3) == 0) {
                before.set("odd", odd(random));
            }
            ObjectNode after = before.deepCopy();
            mutate(after, random, 0);
            Map<String, JsonNode> was = recorded(before);
            Map<String, JsonNode> is = recorded(after);
            distinct += ((Leaves) was).distinct() && ((Leaves) is).distinct() ? 1 : 0;

            assertThat(ViewDiff.betweenLeaves(was, is))
                    .containsExactlyEntriesOf(ViewDiff.betweenLeaves(new LinkedHashMap<>(was), new LinkedHashMap<>(is)));
            assertThat(ViewDiff.betweenLeaves(Map.of(), is))
                    .containsExactlyEntriesOf(ViewDiff.betweenLeaves(Map.of(), new LinkedHashMap<>(is)));
        }
        assertThat(distinct).as("pairs walked side by side").isBetween(500, 2_900);
    }

    @Test
    void diffsOfConsecutiveViewsWalkedSideBySideAreTheDiffsOfLookingPathsUp() {
        Random random = new Random(29);
        for (int history = 0; history < 200; history++) {
            MetricView view = null;
            for (MetricEvent event : randomHistory(random)) {
                MetricView after = MetricViewFold.apply(view, event);
                Map<String, JsonNode> was = ViewDiff.leavesOf(view);
                Map<String, JsonNode> is = ViewDiff.serialize(after).leaves();
                assertThat(((Leaves) is).distinct()).isTrue();

                assertThat(ViewDiff.betweenLeaves(was, is))
                        .containsExactlyEntriesOf(ViewDiff.betweenLeaves(new LinkedHashMap<>(was),
                                new LinkedHashMap<>(is)))
                        .containsExactlyEntriesOf(ViewDiff.between(view == null ? null : JSON.valueToTree(view),
                                JSON.valueToTree(after)));
                view = after;
            }
        }
    }

    @Test
    void pathsThatCouldBeMadeTwiceAreNotWalkedSideBySide() throws Exception {
        for (String json : List.of("""
                {"a.b":1,"a":{"b":2}}""", """
                {"items":[{"itemId":"x","v":1},{"itemId":"x","v":2}]}""", """
                {"items":[{"v":0},{"itemId":"0","v":1}]}""", """
                {"items":[{"itemId":"a]b"}]}""", """
                {"":1}""")) {
            Map<String, JsonNode> leaves = recorded(JSON.readTree(json));
            assertThat(((Leaves) leaves).distinct()).as(json).isFalse();
            assertSameLeaves(leaves, ViewDiff.flattened(JSON.readTree(json)));
        }
        assertThat(((Leaves) recorded(JSON.readTree("""
                {"items":[{"itemId":"x","v":1},{"itemId":"y","v":2},{"v":3}],"more":[{"itemId":"x"}]}""")))
                .distinct()).isTrue();
    }

    private static Map<String, JsonNode> recorded(JsonNode tree) throws Exception {
        LeafRecorder recorder = new LeafRecorder();
        JSON.writeValue(new LeafGenerator(JSON, recorder), tree);
        return recorder.leaves();
    }

    /** Values whose paths may collide: dotted names, repeated or numeric identities. */
    private static JsonNode odd(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> NODES.objectNode().put("x.y", 1).set("x", NODES.objectNode().put("y", 2));
            case 1 -> NODES.arrayNode().add(NODES.objectNode().put("kId", "1")).add(NODES.objectNode().put("v", 1))
                    .add(NODES.objectNode().put("v", 2));
            default -> NODES.arrayNode().add(NODES.objectNode().put("kId", "same"))
                    .add(NODES.objectNode().put("kId", "same").put("v", 3));
        };
    }

    /** Changes, adds and removes fields and elements, recursively, as an event might. */
    private static void mutate(JsonNode node, Random random, int depth) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                int roll = random.nextInt(10);
                if (roll == 0) {
                    object.remove(name);
                } else if (roll == 1) {
                    object.set(name, randomValue(random, depth + 1));
                } else {
                    mutate(object.get(name), random, depth + 1);
                }
            }
            if (random.nextInt(6) == 0) {
                object.set("new" + random.nextInt(3), randomValue(random, depth + 1));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                mutate(array.get(i), random, depth + 1);
            }
            if (array.size() > 0 && random.nextInt(5) == 0) {
                array.remove(random.nextInt(array.size()));
            }
            if (random.nextInt(5) == 0) {
                array.insert(random.nextInt(array.size() + 1), randomValue(random, depth + 1));
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
