package org.metriclifecycle.events.upcasting;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.metriclifecycle.events.CorrelationRecorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code CorrelationRecorded} revision 1 was judged by the POINT rule alone: it has no interval, no supersedes, and
 * the hypothesis status was the verdict itself. Revision 2 carries them; a revision-1 event is read with them null,
 * which the readers take to mean "judged the first way" (the latest conclusive verdict decides, and a supporting one
 * sets the due date it stored), so a replay changes nothing.
 */
public final class CorrelationRecordedPoolUpcaster extends SingleEventUpcaster {

    private static final SerializedType REVISION_1 = new SimpleSerializedType(CorrelationRecorded.class.getName(), "1");
    private static final String REVISION_2 = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(CorrelationRecorded.class.getName(), REVISION_2), JsonNode.class,
                CorrelationRecordedPoolUpcaster::addNulls);
    }

    static JsonNode addNulls(JsonNode revision1) {
        ObjectNode event = ((ObjectNode) revision1).deepCopy();
        for (String field : new String[] {"interval", "supersedes", "hypothesisStatus", "pooled", "counted"}) {
            event.putNull(field);
        }
        return event;
    }
}
