package org.metriclifecycle.query.metric;

import java.util.List;

/** Every shadow check of a metric, oldest first. */
public record ShadowCheckList(List<ShadowCheckView> items) {

    public ShadowCheckList {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
