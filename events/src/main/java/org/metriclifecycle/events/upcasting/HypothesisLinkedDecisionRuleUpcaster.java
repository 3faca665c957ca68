package org.metriclifecycle.events.upcasting;

import org.metriclifecycle.events.HypothesisLinked;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code HypothesisLinked} revision 2 was stored before the INTERVAL decision rule existed; revision 3 names the rule
 * and the confidence. A hypothesis stored then keeps the rule it was judged by: {@code decisionRule = POINT},
 * {@code confidence = 0.95}, so replaying its stream changes no verdict and no status.
 */
public final class HypothesisLinkedDecisionRuleUpcaster extends PayloadRevisionUpcaster {

    public HypothesisLinkedDecisionRuleUpcaster() {
        super(HypothesisLinked.class, "2", "3", HypothesisLinkedDecisionRuleUpcaster::addPointRule);
    }

    static JsonNode addPointRule(JsonNode revision2) {
        ObjectNode event = ((ObjectNode) revision2).deepCopy();
        event.put("decisionRule", "POINT");
        event.put("confidence", 0.95);
        return event;
    }
}
