package org.metriclifecycle.events.upcasting;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.metriclifecycle.events.HypothesisLinked;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code HypothesisLinked} revision 2 was stored before the INTERVAL decision rule existed; revision 3 names the rule
 * and the confidence. A hypothesis stored then keeps the rule it was judged by: {@code decisionRule = POINT},
 * {@code confidence = 0.95}, so replaying its stream changes no verdict and no status.
 */
public final class HypothesisLinkedDecisionRuleUpcaster extends SingleEventUpcaster {

    private static final SerializedType REVISION_2 = new SimpleSerializedType(HypothesisLinked.class.getName(), "2");
    private static final String REVISION_3 = "3";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_2.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(HypothesisLinked.class.getName(), REVISION_3), JsonNode.class,
                HypothesisLinkedDecisionRuleUpcaster::addPointRule);
    }

    static JsonNode addPointRule(JsonNode revision2) {
        ObjectNode event = ((ObjectNode) revision2).deepCopy();
        event.put("decisionRule", "POINT");
        event.put("confidence", 0.95);
        return event;
    }
}
