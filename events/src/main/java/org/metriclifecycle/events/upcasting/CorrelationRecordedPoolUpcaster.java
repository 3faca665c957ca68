package org.metriclifecycle.events.upcasting;

import org.metriclifecycle.events.CorrelationRecorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code CorrelationRecorded} revision 1 was judged by the POINT rule alone: it has no interval, no supersedes, and
 * the hypothesis status was the verdict itself. Revision 2 carries them; a revision-1 event is read with them null,
 * which the readers take to mean "judged the first way" (the latest conclusive verdict decides, and a supporting one
 * sets the due date it stored), so a replay changes nothing.
 */
public final class CorrelationRecordedPoolUpcaster extends PayloadRevisionUpcaster {

    public CorrelationRecordedPoolUpcaster() {
        super(CorrelationRecorded.class, "1", "2", CorrelationRecordedPoolUpcaster::addNulls);
    }

    static JsonNode addNulls(JsonNode revision1) {
        ObjectNode event = ((ObjectNode) revision1).deepCopy();
        for (String field : new String[] {"interval", "supersedes", "hypothesisStatus", "pooled", "counted"}) {
            event.putNull(field);
        }
        return event;
    }
}
