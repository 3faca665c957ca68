package org.metriclifecycle.deploy.axon;

import java.util.List;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.metriclifecycle.events.upcasting.CorrelationRecordedPoolUpcaster;
import org.metriclifecycle.events.upcasting.CorrelationRecordedWindowUpcaster;
import org.metriclifecycle.events.upcasting.HypothesisLinkedCriteriaUpcaster;
import org.metriclifecycle.events.upcasting.HypothesisLinkedDecisionRuleUpcaster;
import org.metriclifecycle.events.upcasting.RotationScheduledPeriodUpcaster;

/** Every upcaster, oldest change first: events are read through them on every path (aggregates, processors, asOf). */
public final class EventUpcasters {

    private EventUpcasters() {
    }

    public static List<EventUpcaster> all() {
        return List.of(new HypothesisLinkedCriteriaUpcaster(), new HypothesisLinkedDecisionRuleUpcaster(),
                new CorrelationRecordedPoolUpcaster(), new CorrelationRecordedWindowUpcaster(),
                new RotationScheduledPeriodUpcaster());
    }
}
