package org.metriclifecycle.query.metric;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.metriclifecycle.events.BlindSpotRecorded;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.CorrelationSuperseded;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.MetricDefinitionRevised;
import org.metriclifecycle.events.MetricDeprecated;
import org.metriclifecycle.events.MetricDeprioritized;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.events.MetricReprioritized;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.events.OwnerChanged;
import org.metriclifecycle.events.OwnershipRotated;
import org.metriclifecycle.events.ShadowCheckConcluded;
import org.metriclifecycle.events.ShadowCheckExpired;
import org.metriclifecycle.events.ShadowCheckOpened;
import org.metriclifecycle.events.ShadowCheckResult;
import org.metriclifecycle.events.Verdict;

/**
 * The one definition of how a metric's events make its view. The projection applies it event by event and
 * {@code ?asOf=} queries replay it over the raw stream, so both answers agree by construction.
 */
public final class MetricViewFold {

    private MetricViewFold() {
    }

    /**
     * @param current the view before {@code event}, null before {@link MetricProposed}
     * @return the view after {@code event}
     * @throws IllegalStateException when the event cannot follow the current view (a broken stream must not be
     *                               papered over with a plausible but wrong view)
     */
    public static MetricView apply(MetricView current, MetricEvent event) {
        if (event instanceof MetricProposed proposed) {
            if (current != null) {
                throw new IllegalStateException("metric " + proposed.metricId() + " was already proposed");
            }
            return withDerivedStatus(proposal(proposed));
        }
        if (current == null) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " for metric " + event.metricId()
                    + " before it was proposed");
        }
        if (!current.metricId().equals(event.metricId())) {
            throw new IllegalArgumentException("event of metric " + event.metricId() + " applied to metric "
                    + current.metricId());
        }
        MetricView next;
        if (event instanceof HypothesisLinked linked) {
            next = link(current, linked);
        } else if (event instanceof CorrelationRecorded recorded) {
            next = record(current, recorded);
        } else if (event instanceof CorrelationSuperseded superseded) {
            next = supersede(current, superseded);
        } else if (event instanceof MetricDeprioritized deprioritized) {
            next = current.withDeprioritizedAt(deprioritized.deprioritizedAt());
        } else if (event instanceof MetricReprioritized) {
            next = current.withDeprioritizedAt(null);
        } else if (event instanceof MetricDeprecated deprecated) {
            next = current.withDeprecation(deprecated.deprecatedAt(), deprecated.reason(), deprecated.replacedBy());
        } else if (event instanceof OwnerChanged changed) {
            next = current.withOwner(changed.newOwner());
        } else if (event instanceof OwnershipRotated rotated) {
            next = current.withOwner(rotated.newOwner());
        } else if (event instanceof MetricDefinitionRevised revised) {
            next = revise(current, revised);
        } else if (event instanceof ShadowCheckOpened) {
            next = current.withTrackRecord(current.trackRecord().opened());
        } else if (event instanceof ShadowCheckConcluded concluded) {
            next = current.withTrackRecord(concluded.result() == ShadowCheckResult.CONFIRMED
                    ? current.trackRecord().confirmedAt(concluded.concludedAt())
                    : current.trackRecord().divergedOnce());
        } else if (event instanceof ShadowCheckExpired) {
            next = current.withTrackRecord(current.trackRecord().expiredOnce());
        } else if (event instanceof BlindSpotRecorded recorded) {
            next = addBlindSpot(current, recorded);
        } else {
            throw new IllegalArgumentException("unknown metric event " + event.getClass().getName());
        }
        return withDerivedStatus(next);
    }

    private static MetricView proposal(MetricProposed proposed) {
        return new MetricView(proposed.metricId(), proposed.name(), proposed.description(), proposed.team(),
                proposed.owner(), proposed.version(), proposed.validFor(), proposed.rationale(), null,
                proposed.proposedAt(), proposed.linkDeadline(), null, null, null, null, null, List.of(), null, null,
                List.of(), List.of(), null, null);
    }

    private static MetricView link(MetricView current, HypothesisLinked linked) {
        if (current.hypothesis(linked.hypothesisId()).isPresent()) {
            throw new IllegalStateException("hypothesis " + linked.hypothesisId() + " is already linked to metric "
                    + current.metricId());
        }
        List<HypothesisView> hypotheses = new ArrayList<>(current.hypotheses());
        hypotheses.add(HypothesisView.linked(linked));
        return current.withHypotheses(hypotheses);
    }

    private static MetricView record(MetricView current, CorrelationRecorded recorded) {
        if (current.hypothesis(recorded.hypothesisId()).isEmpty()) {
            throw new IllegalStateException("correlation " + recorded.correlationId() + " names hypothesis "
                    + recorded.hypothesisId() + " which metric " + current.metricId() + " does not have");
        }
        CorrelationView correlation = CorrelationView.of(recorded);
        List<HypothesisView> hypotheses = new ArrayList<>(current.hypotheses().size());
        for (HypothesisView hypothesis : current.hypotheses()) {
            if (hypothesis.hypothesisId().equals(recorded.hypothesisId())) {
                HypothesisView updated = hypothesis.withLatestCorrelation(correlation);
                // The write side decided the status (pooled, or the latest conclusive verdict for POINT); a
                // first-revision inconclusive correlation is evidence on display but never a judgement.
                if (recorded.statusAfter().isPresent()) {
                    updated = updated.withStatus(recorded.statusAfter().get());
                }
                if (recorded.carriesStatus()) {
                    updated = updated.withPooled(recorded.pooled());
                }
                hypotheses.add(updated);
            } else {
                hypotheses.add(hypothesis);
            }
        }
        MetricView next = current.withHypotheses(hypotheses);
        // The write side computed the due date with the interval in force then; the view never recomputes it.
        if (recorded.carriesStatus()) {
            next = next.withRevalidationDue(recorded.revalidationDue());
        } else if (recorded.verdict() == Verdict.SUPPORTED && recorded.revalidationDue() != null) {
            next = next.withRevalidationDue(recorded.revalidationDue());
        }
        if (recorded.verdict().isConclusive()) {
            Instant supportedAt = recorded.verdict() == Verdict.SUPPORTED
                    ? recorded.recordedAt() : next.lastSupportedAt();
            next = next.withEvidence(recorded.definitionVersion(), supportedAt);
        }
        return next;
    }

    /**
     * A major revision means the old evidence no longer speaks for the metric: judgements are reset but the
     * correlations stay on display, and a fresh link window runs. A minor one only moves the definition.
     */
    private static MetricView revise(MetricView current, MetricDefinitionRevised revised) {
        List<RevisionView> revisions = new ArrayList<>(current.revisions());
        revisions.add(RevisionView.of(revised));
        MetricView next = current.withDefinition(revised.version(), revised.validFor(), revisions);
        if (!revised.major()) {
            return next;
        }
        List<HypothesisView> reopened = new ArrayList<>(next.hypotheses().size());
        for (HypothesisView hypothesis : next.hypotheses()) {
            HypothesisView open = hypothesis.withStatus(HypothesisStatus.OPEN).withPooled(null);
            if (open.latestCorrelation() != null) {
                open = open.withLatestCorrelation(open.latestCorrelation().uncounted());
            }
            reopened.add(open);
        }
        return next.withHypotheses(reopened)
                .withLinkDeadline(revised.linkDeadline())
                .withRevalidationDue(null)
                .withEvidence(null, null);
    }

    /** A correction's predecessor stops counting; shown on the latest correlation if it is the one superseded. */
    private static MetricView supersede(MetricView current, CorrelationSuperseded superseded) {
        List<HypothesisView> hypotheses = new ArrayList<>(current.hypotheses().size());
        for (HypothesisView hypothesis : current.hypotheses()) {
            CorrelationView latest = hypothesis.latestCorrelation();
            hypotheses.add(latest != null && latest.correlationId().equals(superseded.correlationId())
                    ? hypothesis.withLatestCorrelation(latest.uncounted()) : hypothesis);
        }
        return current.withHypotheses(hypotheses);
    }

    private static MetricView addBlindSpot(MetricView current, BlindSpotRecorded recorded) {
        if (current.blindSpot(recorded.blindSpotId()).isPresent()) {
            throw new IllegalStateException("blind spot " + recorded.blindSpotId() + " is already recorded for metric "
                    + current.metricId());
        }
        List<BlindSpotView> blindSpots = new ArrayList<>(current.blindSpots());
        blindSpots.add(BlindSpotView.of(recorded));
        return current.withBlindSpots(blindSpots);
    }

    private static MetricView withDerivedStatus(MetricView view) {
        List<HypothesisStatus> statuses = view.hypotheses().stream().map(HypothesisView::status).toList();
        return view.withStatus(MetricStatus.derive(view.deprecatedAt() != null, view.deprioritizedAt() != null,
                statuses));
    }
}
