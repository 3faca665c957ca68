package org.metriclifecycle.command.metric;

import static org.metriclifecycle.command.CommandRules.blankToNull;
import static org.metriclifecycle.command.CommandRules.hasText;
import static org.metriclifecycle.command.CommandRules.require;
import static org.metriclifecycle.events.DefinitionVersion.majorOf;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.events.CorrelationInterval;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.DefinitionVersion;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.SupportCriteria;
import org.metriclifecycle.events.Verdict;
import org.metriclifecycle.events.evidence.FisherEstimate;
import org.metriclifecycle.events.evidence.Pool;
import org.metriclifecycle.events.evidence.RevalidationDue;

/**
 * The evidence rules (spec "Evidence") applied to one new correlation: whether it may be recorded, its own verdict and
 * interval, and how its hypothesis and the metric stand after it. Worked out from the aggregate's state before
 * anything is applied; holds no state and does no I/O.
 *
 * @param supersedes     the correlation it corrects, or null
 * @param countedSince   where the hypothesis's counting window starts after it, or null when nothing counts
 * @param metricDue      the metric's revalidation due date after it, or null when no hypothesis is SUPPORTED
 * @param wasSupported   whether any hypothesis was SUPPORTED before it
 * @param stillSupported whether any hypothesis is SUPPORTED after it
 */
record CorrelationJudgement(String supersedes, CorrelationMethod method, Verdict verdict,
                            CorrelationInterval ownInterval, HypothesisStatus statusAfter, Optional<Pool> pool,
                            Instant countedSince, Instant metricDue, boolean wasSupported, boolean stillSupported) {

    /**
     * The definition version a correlation was measured against: the current one when it names none. One of an older
     * major version is refused (409): old evidence no longer speaks for the new definition.
     */
    static String measuredOn(String stated, String version) {
        if (!hasText(stated)) {
            return version;
        }
        require(DefinitionVersion.isWellFormed(stated), "definitionVersion", "must be a version like 1.0 or 2.1.3");
        if (!DefinitionVersion.isWellFormed(version)) {
            if (!stated.equals(version)) {
                throw new LifecycleConflictException("definitionVersion " + stated
                        + " is not the metric's current version " + version);
            }
            return stated;
        }
        DefinitionVersion measured = DefinitionVersion.parse(stated);
        DefinitionVersion current = DefinitionVersion.parse(version);
        if (measured.major() < current.major()) {
            throw new LifecycleConflictException("definitionVersion " + stated + " is an older major version than the"
                    + " metric's current " + version + ": its evidence no longer speaks for the new definition");
        }
        require(!measured.isGreaterThan(current), "definitionVersion",
                "must not be newer than the metric's current version " + version);
        return stated;
    }

    /**
     * Judges {@code command}, whose hypothesis is linked and whose own fields are valid, measured on
     * {@code measuredOn} (see {@link #measuredOn}), against the metric's current major version.
     */
    static CorrelationJudgement of(RecordCorrelation command, Hypotheses hypotheses, String measuredOn,
                                   long currentMajor, Duration interval, Instant recordedAt) {
        HypothesisEvidence judged = hypotheses.evidence(command.hypothesisId());
        String supersedes = hasText(command.supersedes()) ? command.supersedes() : null;
        if (supersedes != null) {
            StoredCorrelation corrected = judged.correlation(supersedes);
            require(corrected != null, "supersedes",
                    "names no correlation of hypothesis " + command.hypothesisId());
            if (corrected.superseded()) {
                throw new LifecycleConflictException("correlation " + supersedes + " is already superseded");
            }
        }
        requireNoOverlap(command, judged, supersedes, currentMajor, interval);
        Instant ownDue = RevalidationDue.of(recordedAt, command.periodEnd(), interval);
        if (RevalidationDue.hasPassed(ownDue, recordedAt)) {
            throw new LifecycleConflictException("a correlation for a period ending " + command.periodEnd()
                    + " was due for revalidation at " + ownDue + ": it is too old to speak for the metric now");
        }
        CorrelationMethod method = command.method() != null ? command.method() : CorrelationMethod.PEARSON;
        SupportCriteria support = hypotheses.criteria(command.hypothesisId()).support();
        Verdict verdict = judged.rule.verdict(method, command.coefficient(), command.sampleSize(), support,
                judged.confidence);
        CorrelationInterval ownInterval = FisherEstimate.of(method, command.coefficient(), command.sampleSize())
                .map(e -> CorrelationInterval.of(e.interval(judged.confidence))).orElse(null);

        // The hypothesis and the metric as they will stand after this correlation.
        StoredCorrelation recorded = new StoredCorrelation(command.correlationId(), method, command.coefficient(),
                command.sampleSize(), command.periodStart(), command.periodEnd(), blankToNull(command.source()),
                majorOf(measuredOn), recordedAt, false);
        EligibleCorrelations eligible = judged.eligible(currentMajor);
        EligibleCorrelations.Counted counted = eligible.counted(interval, supersedes, eligible.entryFor(recorded));
        Optional<Pool> pool = counted.sums().pool(judged.confidence);
        HypothesisStatus before = hypotheses.status(command.hypothesisId());
        HypothesisStatus statusAfter = switch (judged.rule) {
            case INTERVAL -> Pool.status(pool, support);
            case POINT -> verdict.isConclusive() ? HypothesisStatus.of(verdict) : before;
        };
        Map<String, HypothesisStatus> statusesAfter = hypotheses.statusesWith(command.hypothesisId(), statusAfter);
        Instant metricDue = null;
        for (Map.Entry<String, HypothesisEvidence> entry : hypotheses.evidenceInOrder().entrySet()) {
            if (statusesAfter.get(entry.getKey()) != HypothesisStatus.SUPPORTED) {
                continue;
            }
            HypothesisEvidence other = entry.getValue();
            boolean thisOne = entry.getKey().equals(command.hypothesisId());
            Instant due = thisOne
                    ? other.due(counted, verdict == Verdict.SUPPORTED ? recordedAt : other.lastSupportedAt, interval)
                    : other.due(other.counted(currentMajor, interval), other.lastSupportedAt, interval);
            if (due != null && (metricDue == null || due.isAfter(metricDue))) {
                metricDue = due;
            }
        }
        return new CorrelationJudgement(supersedes, method, verdict, ownInterval, statusAfter, pool, counted.since(),
                metricDue, hypotheses.anySupported(), statusesAfter.containsValue(HypothesisStatus.SUPPORTED));
    }

    /** Why the metric is deprioritized when this correlation takes its last support past the link window. */
    String supportLostReason(RecordCorrelation command) {
        return "hypothesis " + command.hypothesisId() + " lost its support: correlation " + command.correlationId()
                + " (r = " + command.coefficient() + ", n = " + command.sampleSize() + ", " + method + ", "
                + command.periodStart() + ".." + command.periodEnd() + ", verdict " + verdict + ") leaves it "
                + statusAfter + ", and the metric is past its link window";
    }

    /** Posting the same period again from the same source is a correction, and must say so (409 otherwise). */
    private static void requireNoOverlap(RecordCorrelation command, HypothesisEvidence judged, String supersedes,
                                         long currentMajor, Duration interval) {
        EligibleCorrelations eligible = judged.eligible(currentMajor);
        for (StoredCorrelation other : eligible.countedFrom(blankToNull(command.source()), eligible.since(interval))) {
            if (!other.correlationId().equals(supersedes)
                    && !other.periodStart().isAfter(command.periodEnd())
                    && !command.periodStart().isAfter(other.periodEnd())) {
                throw new LifecycleConflictException("the period " + command.periodStart() + ".." + command.periodEnd()
                        + " overlaps counted correlation " + other.correlationId() + " (" + other.periodStart() + ".."
                        + other.periodEnd() + ") of the same hypothesis from the same source; name it in supersedes"
                        + " to correct it");
            }
        }
    }
}
