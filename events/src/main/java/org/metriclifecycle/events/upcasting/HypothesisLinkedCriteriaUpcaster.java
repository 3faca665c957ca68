package org.metriclifecycle.events.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.metriclifecycle.events.HypothesisLinked;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code HypothesisLinked} revision 1 kept {@code direction}, {@code minCorrelation} and {@code minSampleSize} at
 * the top level; revision 2 nests them as {@code criteria}. Stored events are never rewritten: this moves the
 * three fields into place whenever a revision-1 event is read.
 */
public final class HypothesisLinkedCriteriaUpcaster extends SingleEventUpcaster {

    private static final SerializedType REVISION_1 = new SimpleSerializedType(HypothesisLinked.class.getName(), "1");
    private static final String REVISION_2 = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(HypothesisLinked.class.getName(), REVISION_2), JsonNode.class,
                HypothesisLinkedCriteriaUpcaster::nestCriteria);
    }

    static JsonNode nestCriteria(JsonNode revision1) {
        ObjectNode event = ((ObjectNode) revision1).deepCopy();
        ObjectNode criteria = event.putObject("criteria");
        for (String field : new String[] {"direction", "minCorrelation", "minSampleSize"}) {
            criteria.set(field, event.remove(field));
        }
        return event;
    }
}
