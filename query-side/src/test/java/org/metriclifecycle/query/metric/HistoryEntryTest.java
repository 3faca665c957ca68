package org.metriclifecycle.query.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metriclifecycle.query.metric.TestEvents.T0;
import static org.metriclifecycle.query.metric.TestEvents.correlation;
import static org.metriclifecycle.query.metric.TestEvents.day;
import static org.metriclifecycle.query.metric.TestEvents.deprecated;
import static org.metriclifecycle.query.metric.TestEvents.deprioritized;
import static org.metriclifecycle.query.metric.TestEvents.linked;
import static org.metriclifecycle.query.metric.TestEvents.proposed;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.Verdict;

class HistoryEntryTest {

    private static final String M = "m-1";

    private static HistoryEntry describe(MetricView before, MetricEvent event, Map<String, ?> metaData) {
        return HistoryEntry.of(7, event, day(3), metaData, before, MetricViewFold.apply(before, event));
    }

    @Test
    void namesTheEventByItsTypeAndKeepsSequenceAndTime() {
        MetricView view = MetricViewFold.apply(null, proposed(M, T0));

        HistoryEntry entry = describe(view, linked(M, "h1"), Map.of(EventMetadata.ACTOR, "carl"));

        assertThat(entry.sequence()).isEqualTo(7);
        assertThat(entry.type()).isEqualTo("HypothesisLinked");
        assertThat(entry.occurredAt()).isEqualTo(day(3));
        assertThat(entry.actor()).isEqualTo("carl");
        assertThat(entry.reason()).isNull();
        assertThat(entry.changes()).containsEntry("status", new FieldChange("PROPOSED", "LINKED"));
    }

    @Test
    void anEventWithoutActorIsAnonymous() {
        HistoryEntry entry = HistoryEntry.of(0, proposed(M, T0), T0, Map.of(), null,
                MetricViewFold.apply(null, proposed(M, T0)));

        assertThat(entry.type()).isEqualTo("MetricProposed");
        assertThat(entry.actor()).isEqualTo(EventMetadata.ANONYMOUS_ACTOR);
        assertThat(HistoryEntry.of(0, proposed(M, T0), T0, null, null, null).actor())
                .isEqualTo(EventMetadata.ANONYMOUS_ACTOR);
    }

    @Test
    void theRequestsReasonWinsOverThePayloads() {
        MetricView view = MetricViewFold.apply(null, proposed(M, T0));

        HistoryEntry entry = describe(view, deprecated(M, "payload reason", null, day(3)),
                Map.of(EventMetadata.ACTOR, "lena", EventMetadata.REASON, "request reason"));

        assertThat(entry.reason()).isEqualTo("request reason");
    }

    @Test
    void deprioritizationAndDeprecationFallBackToTheirPayloadsReason() {
        MetricView view = MetricViewFold.apply(null, proposed(M, T0));

        assertThat(describe(view, deprioritized(M, day(42)), Map.of(EventMetadata.ACTOR, "system")).reason())
                .isEqualTo("no supported hypothesis within the link window");
        assertThat(describe(view, deprecated(M, "obsolete", "m-2", day(3)), Map.of()).reason())
                .isEqualTo("obsolete");
    }

    @Test
    void otherEventsHaveOnlyTheRequestsReason() {
        MetricView view = MetricViewFold.apply(MetricViewFold.apply(null, proposed(M, T0)), linked(M, "h1"));

        assertThat(describe(view, correlation(M, "c1", "h1", Verdict.SUPPORTED, day(1)), Map.of()).reason())
                .isNull();
        assertThat(describe(view, linked(M, "h2"), Map.of(EventMetadata.REASON, "new outcome")).reason())
                .isEqualTo("new outcome");
    }
}
