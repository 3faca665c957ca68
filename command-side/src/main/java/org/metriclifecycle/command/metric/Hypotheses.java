package org.metriclifecycle.command.metric;

import static org.metriclifecycle.command.CommandRules.hasText;
import static org.metriclifecycle.command.CommandRules.require;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.CorrelationSuperseded;
import org.metriclifecycle.events.DefinitionVersion;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.MetricDefinitionRevised;
import org.metriclifecycle.events.Verdict;
import org.metriclifecycle.events.evidence.DecisionRule;

/**
 * The hypotheses linked to one metric: each one's criteria, status and evidence. A member of {@link MetricAggregate}:
 * only its event sourcing handlers change it.
 */
final class Hypotheses {

    private final Map<String, HypothesisCriteria> criteria = new HashMap<>();
    private final Map<String, HypothesisStatus> statuses = new HashMap<>();
    /** Each hypothesis's rule, confidence and recorded correlations, in order of linking. */
    private final Map<String, HypothesisEvidence> evidence = new LinkedHashMap<>();

    /** The event a valid {@link LinkHypothesis} records, with the rule and confidence it leaves to the defaults. */
    static HypothesisLinked validLink(String metricId, LinkHypothesis command) {
        require(hasText(command.hypothesisId()), "hypothesisId", "must not be blank");
        require(hasText(command.outcome()), "outcome", "must not be blank");
        require(hasText(command.statement()), "statement", "must not be blank");
        require(command.direction() != null, "direction", "must be POSITIVE or NEGATIVE");
        require(command.minCorrelation() > 0 && command.minCorrelation() <= 1, "minCorrelation",
                "must be greater than 0 and at most 1");
        require(command.minSampleSize() >= 3, "minSampleSize", "must be at least 3");
        double confidence = command.confidence() == null ? DecisionRule.DEFAULT_CONFIDENCE : command.confidence();
        // Written as a positive range so that NaN fails it too.
        require(confidence > 0.5 && confidence < 1, "confidence", "must be greater than 0.5 and less than 1");
        DecisionRule rule = command.decisionRule() == null ? DecisionRule.INTERVAL : command.decisionRule();
        return new HypothesisLinked(metricId, command.hypothesisId(), command.outcome(), command.statement(),
                command.direction(), command.minCorrelation(), command.minSampleSize(), rule, confidence);
    }

    boolean isLinked(String hypothesisId) {
        return criteria.containsKey(hypothesisId);
    }

    /** Null when no such hypothesis is linked. */
    HypothesisCriteria criteria(String hypothesisId) {
        return criteria.get(hypothesisId);
    }

    HypothesisEvidence evidence(String hypothesisId) {
        return evidence.get(hypothesisId);
    }

    /** Every hypothesis's evidence, in order of linking. */
    Map<String, HypothesisEvidence> evidenceInOrder() {
        return Collections.unmodifiableMap(evidence);
    }

    HypothesisStatus status(String hypothesisId) {
        return statuses.get(hypothesisId);
    }

    Collection<HypothesisStatus> statuses() {
        return Collections.unmodifiableCollection(statuses.values());
    }

    /** The statuses as they would stand with {@code hypothesisId}'s changed. */
    Map<String, HypothesisStatus> statusesWith(String hypothesisId, HypothesisStatus status) {
        Map<String, HypothesisStatus> after = new HashMap<>(statuses);
        after.put(hypothesisId, status);
        return after;
    }

    boolean anySupported() {
        return statuses.containsValue(HypothesisStatus.SUPPORTED);
    }

    @EventSourcingHandler
    void on(HypothesisLinked event) {
        criteria.put(event.hypothesisId(),
                new HypothesisCriteria(event.direction(), event.minCorrelation(), event.minSampleSize()));
        statuses.put(event.hypothesisId(), HypothesisStatus.OPEN);
        evidence.put(event.hypothesisId(), new HypothesisEvidence(event.decisionRule(), event.confidence()));
    }

    @EventSourcingHandler
    void on(CorrelationRecorded event) {
        HypothesisEvidence judged = evidence.get(event.hypothesisId());
        judged.add(new StoredCorrelation(event.correlationId(), event.method(), event.coefficient(),
                event.sampleSize(), event.periodStart(), event.periodEnd(), event.source(),
                DefinitionVersion.majorOf(event.definitionVersion()), event.recordedAt(), false));
        if (event.verdict() == Verdict.SUPPORTED) {
            judged.lastSupportedAt = event.recordedAt();
        }
        if (event.carriesStatus()) {
            statuses.put(event.hypothesisId(), event.hypothesisStatus());
        } else if (event.verdict().isConclusive()) {
            // A first-revision event: a conclusive verdict is the status.
            statuses.put(event.hypothesisId(), HypothesisStatus.of(event.verdict()));
        }
    }

    @EventSourcingHandler
    void on(CorrelationSuperseded event) {
        evidence.get(event.hypothesisId()).supersede(event.correlationId());
    }

    @EventSourcingHandler
    void on(MetricDefinitionRevised event) {
        if (event.major()) {
            // The old evidence no longer speaks for the new definition: every hypothesis waits for new evidence.
            statuses.replaceAll((hypothesisId, status) -> HypothesisStatus.OPEN);
            evidence.values().forEach(e -> e.lastSupportedAt = null);
        }
    }
}
