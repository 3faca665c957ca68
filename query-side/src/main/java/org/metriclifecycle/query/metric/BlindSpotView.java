package org.metriclifecycle.query.metric;

import java.time.Instant;

import org.metriclifecycle.events.BlindSpotRecorded;

/** A production failure the metric did not catch; {@code incidentRef} is null when the report named no incident. */
public record BlindSpotView(
        String blindSpotId,
        String failureMode,
        String description,
        String incidentRef,
        Instant recordedAt) {

    public static BlindSpotView of(BlindSpotRecorded recorded) {
        return new BlindSpotView(recorded.blindSpotId(), recorded.failureMode(), recorded.description(),
                recorded.incidentRef(), recorded.recordedAt());
    }
}
