package org.metriclifecycle.events.upcasting;

import org.metriclifecycle.events.CorrelationRecorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code CorrelationRecorded} revision 2 listed the ids of every counted correlation; revision 3 names the counting
 * window ({@code countedSince}) instead. The window cannot be recovered from one event (it depends on the other
 * correlations' periods), so a revision-2 event keeps its list and is read with no window, which the readers take to
 * mean "the list decides"; nothing it says changes.
 */
public final class CorrelationRecordedWindowUpcaster extends PayloadRevisionUpcaster {

    public CorrelationRecordedWindowUpcaster() {
        super(CorrelationRecorded.class, "2", "3", CorrelationRecordedWindowUpcaster::addNoWindow);
    }

    static JsonNode addNoWindow(JsonNode revision2) {
        ObjectNode event = ((ObjectNode) revision2).deepCopy();
        event.putNull("countedSince");
        return event;
    }
}
