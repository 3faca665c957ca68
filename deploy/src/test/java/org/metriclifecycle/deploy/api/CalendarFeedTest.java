package org.metriclifecycle.deploy.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** The feed must open in real calendar clients: parse it with ical4j, a full RFC 5545 implementation. */
class CalendarFeedTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aRealICalendarParserReadsEveryEventBack() throws Exception {
        String longSummary = "Handoff: hallucination rate on support answers, per locale; \"quoted\" → lena "
                + "x".repeat(80);
        String feed = CalendarFeed.render("search rotation", AT, List.of(
                new CalendarFeed.Event("h1@metric-lifecycle", AT, AT.plusSeconds(900), longSummary, "line one\nline two"),
                new CalendarFeed.Event("h2@metric-lifecycle", AT.plusSeconds(86400), AT.plusSeconds(87300), "second", "")));

        assertThat(feed).contains("\r\n").doesNotContain("\r\n\r\n");
        for (String line : feed.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).getSummary().getValue()).isEqualTo(longSummary);
        assertThat(events.get(0).getDescription().getValue()).isEqualTo("line one\nline two");
        assertThat(events.get(0).getUid().get().getValue()).isEqualTo("h1@metric-lifecycle");
    }
}
