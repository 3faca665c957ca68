package org.metriclifecycle.events.upcasting;

import org.metriclifecycle.events.HypothesisLinked;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code HypothesisLinked} revision 1 kept {@code direction}, {@code minCorrelation} and {@code minSampleSize} at
 * the top level; revision 2 nests them as {@code criteria}. Stored events are never rewritten: this moves the
 * three fields into place whenever a revision-1 event is read.
 */
public final class HypothesisLinkedCriteriaUpcaster extends PayloadRevisionUpcaster {

    public HypothesisLinkedCriteriaUpcaster() {
        super(HypothesisLinked.class, "1", "2", HypothesisLinkedCriteriaUpcaster::nestCriteria);
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
