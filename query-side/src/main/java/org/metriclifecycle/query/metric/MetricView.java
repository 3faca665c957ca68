package org.metriclifecycle.query.metric;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.metriclifecycle.events.MetricStatus;

/**
 * A metric as the read side answers it: the JSON of {@code GET /api/v1/metrics/{metricId}}, so the component names
 * are the API's field names. Built only by {@link MetricViewFold}; the "with" methods are its copy helpers.
 *
 * @param evidenceVersion the definition version of the latest conclusive correlation since the last major revision
 * @param lastSupportedAt when the latest supporting correlation since the last major revision was recorded
 * @param revisions       oldest first
 * @param nextOwner       who the team's rotation hands the metric to next; filled at query time only, so it is null
 *                        in the stored document and in {@code ?asOf} views
 * @param nextHandoffAt   when that happens; query time only, like {@code nextOwner}
 * @param replaces        the metrics deprecated in favour of this one (their {@code replacedBy} names it), oldest
 *                        proposal first; their streams say so, not this one's, so it is filled at query time like
 *                        {@code nextOwner} and empty in the stored document
 */
public record MetricView(
        String metricId,
        String name,
        String description,
        String team,
        String owner,
        String version,
        String validFor,
        String rationale,
        MetricStatus status,
        Instant proposedAt,
        Instant linkDeadline,
        Instant revalidationDue,
        Instant deprioritizedAt,
        Instant deprecatedAt,
        String deprecationReason,
        String replacedBy,
        List<HypothesisView> hypotheses,
        String evidenceVersion,
        Instant lastSupportedAt,
        List<BlindSpotView> blindSpots,
        List<RevisionView> revisions,
        String nextOwner,
        Instant nextHandoffAt,
        TrackRecord trackRecord,
        List<String> replaces) {

    public MetricView {
        trackRecord = trackRecord == null ? TrackRecord.NONE : trackRecord;
        replaces = replaces == null ? List.of() : List.copyOf(replaces);
        hypotheses = hypotheses == null ? List.of() : List.copyOf(hypotheses);
        blindSpots = blindSpots == null ? List.of() : List.copyOf(blindSpots);
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    /** A view without shadow checks (their track record empty). */
    public MetricView(String metricId, String name, String description, String team, String owner, String version,
                      String validFor, String rationale, MetricStatus status, Instant proposedAt, Instant linkDeadline,
                      Instant revalidationDue, Instant deprioritizedAt, Instant deprecatedAt, String deprecationReason,
                      String replacedBy, List<HypothesisView> hypotheses, String evidenceVersion,
                      Instant lastSupportedAt, List<BlindSpotView> blindSpots, List<RevisionView> revisions,
                      String nextOwner, Instant nextHandoffAt) {
        this(metricId, name, description, team, owner, version, validFor, rationale, status, proposedAt, linkDeadline,
                revalidationDue, deprioritizedAt, deprecatedAt, deprecationReason, replacedBy, hypotheses,
                evidenceVersion, lastSupportedAt, blindSpots, revisions, nextOwner, nextHandoffAt, TrackRecord.NONE,
                List.of());
    }

    public MetricView withTrackRecord(TrackRecord record) {
        Copy copy = new Copy(this);
        copy.trackRecord = record;
        return copy.build();
    }

    /** The hypothesis with that id; a method with a parameter, so Jackson never mistakes it for a property. */
    public Optional<HypothesisView> hypothesis(String hypothesisId) {
        for (HypothesisView hypothesis : hypotheses) { // every correlation folded looks its hypothesis up
            if (hypothesis.hypothesisId().equals(hypothesisId)) {
                return Optional.of(hypothesis);
            }
        }
        return Optional.empty();
    }

    /** The blind spot with that id; a method with a parameter, like {@link #hypothesis}. */
    public Optional<BlindSpotView> blindSpot(String blindSpotId) {
        return blindSpots.stream().filter(b -> b.blindSpotId().equals(blindSpotId)).findFirst();
    }

    public MetricView withStatus(MetricStatus newStatus) {
        Copy copy = new Copy(this);
        copy.status = newStatus;
        return copy.build();
    }

    public MetricView withOwner(String newOwner) {
        Copy copy = new Copy(this);
        copy.owner = newOwner;
        return copy.build();
    }

    public MetricView withRevalidationDue(Instant due) {
        Copy copy = new Copy(this);
        copy.revalidationDue = due;
        return copy.build();
    }

    public MetricView withDeprioritizedAt(Instant at) {
        Copy copy = new Copy(this);
        copy.deprioritizedAt = at;
        return copy.build();
    }

    public MetricView withDeprecation(Instant at, String reason, String replacement) {
        Copy copy = new Copy(this);
        copy.deprecatedAt = at;
        copy.deprecationReason = reason;
        copy.replacedBy = replacement;
        return copy.build();
    }

    public MetricView withHypotheses(List<HypothesisView> newHypotheses) {
        Copy copy = new Copy(this);
        copy.hypotheses = newHypotheses;
        return copy.build();
    }

    public MetricView withLinkDeadline(Instant deadline) {
        Copy copy = new Copy(this);
        copy.linkDeadline = deadline;
        return copy.build();
    }

    public MetricView withEvidence(String newEvidenceVersion, Instant newLastSupportedAt) {
        Copy copy = new Copy(this);
        copy.evidenceVersion = newEvidenceVersion;
        copy.lastSupportedAt = newLastSupportedAt;
        return copy.build();
    }

    public MetricView withBlindSpots(List<BlindSpotView> newBlindSpots) {
        Copy copy = new Copy(this);
        copy.blindSpots = newBlindSpots;
        return copy.build();
    }

    public MetricView withDefinition(String newVersion, String newValidFor, List<RevisionView> newRevisions) {
        Copy copy = new Copy(this);
        copy.version = newVersion;
        copy.validFor = newValidFor;
        copy.revisions = newRevisions;
        return copy.build();
    }

    public MetricView withReplaces(List<String> predecessors) {
        Copy copy = new Copy(this);
        copy.replaces = predecessors;
        return copy.build();
    }

    public MetricView withNextHandoff(String successor, Instant at) {
        Copy copy = new Copy(this);
        copy.nextOwner = successor;
        copy.nextHandoffAt = at;
        return copy.build();
    }

    /** Mutable scratch copy, so each "with" method names only the components it changes. */
    private static final class Copy {
        private final String metricId;
        private final String name;
        private final String description;
        private final String team;
        private String owner;
        private String version;
        private String validFor;
        private final String rationale;
        private MetricStatus status;
        private final Instant proposedAt;
        private Instant linkDeadline;
        private Instant revalidationDue;
        private Instant deprioritizedAt;
        private Instant deprecatedAt;
        private String deprecationReason;
        private String replacedBy;
        private List<HypothesisView> hypotheses;
        private String evidenceVersion;
        private Instant lastSupportedAt;
        private List<BlindSpotView> blindSpots;
        private List<RevisionView> revisions;
        private String nextOwner;
        private Instant nextHandoffAt;
        private TrackRecord trackRecord;
        private List<String> replaces;

        Copy(MetricView view) {
            metricId = view.metricId;
            name = view.name;
            description = view.description;
            team = view.team;
            owner = view.owner;
            version = view.version;
            validFor = view.validFor;
            rationale = view.rationale;
            status = view.status;
            proposedAt = view.proposedAt;
            linkDeadline = view.linkDeadline;
            revalidationDue = view.revalidationDue;
            deprioritizedAt = view.deprioritizedAt;
            deprecatedAt = view.deprecatedAt;
            deprecationReason = view.deprecationReason;
            replacedBy = view.replacedBy;
            hypotheses = view.hypotheses;
            evidenceVersion = view.evidenceVersion;
            lastSupportedAt = view.lastSupportedAt;
            blindSpots = view.blindSpots;
            revisions = view.revisions;
            nextOwner = view.nextOwner;
            nextHandoffAt = view.nextHandoffAt;
            trackRecord = view.trackRecord;
            replaces = view.replaces;
        }

        MetricView build() {
            return new MetricView(metricId, name, description, team, owner, version, validFor, rationale, status,
                    proposedAt, linkDeadline, revalidationDue, deprioritizedAt, deprecatedAt, deprecationReason,
                    replacedBy, hypotheses, evidenceVersion, lastSupportedAt, blindSpots, revisions, nextOwner,
                    nextHandoffAt, trackRecord, replaces);
        }
    }
}
