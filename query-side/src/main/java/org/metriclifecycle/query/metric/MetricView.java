package org.metriclifecycle.query.metric;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.metriclifecycle.events.MetricStatus;

/**
 * A metric as the read side answers it: the JSON of {@code GET /api/v1/metrics/{metricId}}, so the component names
 * are the API's field names. Built only by {@link MetricViewFold}; the "with" methods are its copy helpers.
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
        List<HypothesisView> hypotheses) {

    public MetricView {
        hypotheses = hypotheses == null ? List.of() : List.copyOf(hypotheses);
    }

    /** The hypothesis with that id; a method with a parameter, so Jackson never mistakes it for a property. */
    public Optional<HypothesisView> hypothesis(String hypothesisId) {
        return hypotheses.stream().filter(h -> h.hypothesisId().equals(hypothesisId)).findFirst();
    }

    public MetricView withStatus(MetricStatus newStatus) {
        return new MetricView(metricId, name, description, team, owner, version, validFor, rationale, newStatus,
                proposedAt, linkDeadline, revalidationDue, deprioritizedAt, deprecatedAt, deprecationReason,
                replacedBy, hypotheses);
    }

    public MetricView withOwner(String newOwner) {
        return new MetricView(metricId, name, description, team, newOwner, version, validFor, rationale, status,
                proposedAt, linkDeadline, revalidationDue, deprioritizedAt, deprecatedAt, deprecationReason,
                replacedBy, hypotheses);
    }

    public MetricView withRevalidationDue(Instant due) {
        return new MetricView(metricId, name, description, team, owner, version, validFor, rationale, status,
                proposedAt, linkDeadline, due, deprioritizedAt, deprecatedAt, deprecationReason, replacedBy,
                hypotheses);
    }

    public MetricView withDeprioritizedAt(Instant at) {
        return new MetricView(metricId, name, description, team, owner, version, validFor, rationale, status,
                proposedAt, linkDeadline, revalidationDue, at, deprecatedAt, deprecationReason, replacedBy,
                hypotheses);
    }

    public MetricView withDeprecation(Instant at, String reason, String replacement) {
        return new MetricView(metricId, name, description, team, owner, version, validFor, rationale, status,
                proposedAt, linkDeadline, revalidationDue, deprioritizedAt, at, reason, replacement, hypotheses);
    }

    public MetricView withHypotheses(List<HypothesisView> newHypotheses) {
        return new MetricView(metricId, name, description, team, owner, version, validFor, rationale, status,
                proposedAt, linkDeadline, revalidationDue, deprioritizedAt, deprecatedAt, deprecationReason,
                replacedBy, newHypotheses);
    }
}
