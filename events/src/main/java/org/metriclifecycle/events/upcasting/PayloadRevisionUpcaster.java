package org.metriclifecycle.events.upcasting;

import java.util.function.UnaryOperator;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads one event type's payload at one revision as the next revision, by a change to its JSON. */
abstract class PayloadRevisionUpcaster extends SingleEventUpcaster {

    private final SerializedType from;
    private final SerializedType to;
    private final UnaryOperator<JsonNode> change;

    PayloadRevisionUpcaster(Class<?> eventType, String fromRevision, String toRevision,
                            UnaryOperator<JsonNode> change) {
        this.from = new SimpleSerializedType(eventType.getName(), fromRevision);
        this.to = new SimpleSerializedType(eventType.getName(), toRevision);
        this.change = change;
    }

    @Override
    protected final boolean canUpcast(IntermediateEventRepresentation representation) {
        return from.equals(representation.getType());
    }

    @Override
    protected final IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, change);
    }
}
