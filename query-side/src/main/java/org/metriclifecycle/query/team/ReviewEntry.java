package org.metriclifecycle.query.team;

import org.metriclifecycle.query.metric.TrackRecord;

import java.time.Instant;
import java.util.List;

import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.query.metric.BlindSpotView;

/** One active metric in the review, with the verdict and a sentence saying which rule gave it and when. */
public record ReviewEntry(
        String metricId,
        String name,
        String owner,
        MetricStatus status,
        String version,
        String evidenceVersion,
        List<ReviewHypothesis> hypotheses,
        Instant revalidationDue,
        List<BlindSpotView> blindSpots,
        ReviewVerdict verdict,
        String why,
        TrackRecord trackRecord) {

    public ReviewEntry {
        hypotheses = hypotheses == null ? List.of() : List.copyOf(hypotheses);
        blindSpots = blindSpots == null ? List.of() : List.copyOf(blindSpots);
        trackRecord = trackRecord == null ? TrackRecord.NONE : trackRecord;
    }
}
