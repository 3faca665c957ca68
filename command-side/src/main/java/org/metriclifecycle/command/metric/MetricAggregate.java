package org.metriclifecycle.command.metric;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.metriclifecycle.command.InvalidCommandException;
import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.command.LifecycleSettings;
import org.metriclifecycle.command.UnknownHypothesisException;
import org.metriclifecycle.command.UnknownShadowCheckException;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.ShadowCheckConcluded;
import org.metriclifecycle.events.ShadowCheckExpired;
import org.metriclifecycle.events.ShadowCheckOpened;
import org.metriclifecycle.events.ShadowCheckResult;
import org.metriclifecycle.events.BlindSpotRecorded;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.CorrelationInterval;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.CorrelationSuperseded;
import org.metriclifecycle.events.DeprioritizationRule;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.HypothesisLinked;
import org.metriclifecycle.events.HypothesisStatus;
import org.metriclifecycle.events.MetricDefinitionRevised;
import org.metriclifecycle.events.MetricDeprecated;
import org.metriclifecycle.events.MetricDeprioritized;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.events.MetricReprioritized;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.events.OwnerChanged;
import org.metriclifecycle.events.OwnershipRotated;
import org.metriclifecycle.events.PooledEvidence;
import org.metriclifecycle.events.SupportCriteria;
import org.metriclifecycle.events.ScoreDelta;
import org.metriclifecycle.events.Verdict;
import org.metriclifecycle.events.evidence.CountedCorrelations;
import org.metriclifecycle.events.evidence.DecisionRule;
import org.metriclifecycle.events.evidence.FisherEstimate;
import org.metriclifecycle.events.evidence.Interval;
import org.metriclifecycle.events.evidence.Pool;
import org.metriclifecycle.events.evidence.RecordedCorrelation;
import org.metriclifecycle.events.evidence.RevalidationDue;

/**
 * One metric's event stream and the lifecycle rules that guard it. Command and deadline handlers decide and apply;
 * only the event sourcing handlers change fields, so replaying the stream always rebuilds the same state. Time,
 * durations and the deadline manager arrive as handler parameters: the aggregate holds no clock and does no I/O.
 * <p>
 * Proposal and deprecation also change the team's budget, so {@code MetricAdmission} handles those two commands and
 * calls the constructor and {@link #deprecate} here within the same unit of work as the team's stream.
 */
// The revision of the aggregate's state: raise it whenever its fields change, so old snapshots are ignored.
@Revision("2")
public class MetricAggregate {

    public static final String LINK_WINDOW_DEADLINE = "link-window";
    public static final String REVALIDATION_DEADLINE = "revalidation";
    public static final String SHADOW_CHECK_DEADLINE = "shadow-check";
    /** The reason the system gives for every change a rotation makes, on the team and on its metrics. */
    public static final String SCHEDULED_ROTATION_REASON = "scheduled rotation";

    static final String DEFAULT_VERSION = "1.0";

    @AggregateIdentifier
    private String metricId;
    private String team;
    private String owner;
    private String version;
    private String validFor;
    private Instant linkDeadline;
    /** What started the running link window, for the reason the system gives when it closes. */
    private String linkWindowOpenedBy;
    private Instant revalidationDue;
    private Instant lastSupportedAt;
    private boolean deprioritized;
    private boolean deprecated;
    /** The last handoff applied per rotation schedule: each schedule numbers its handoffs from 0. */
    private final Map<String, Long> lastRotationHandoffs = new HashMap<>();
    private final Map<String, HypothesisCriteria> criteria = new HashMap<>();
    private final Map<String, HypothesisStatus> hypothesisStatuses = new HashMap<>();
    /** Each hypothesis's rule, confidence and recorded correlations, in order of linking. */
    private final Map<String, HypothesisEvidence> evidence = new LinkedHashMap<>();
    /** Each shadow check's state: its hypothesis's direction, eval delta, observeUntil and whether it is still open. */
    private final Map<String, ShadowCheck> shadowChecks = new LinkedHashMap<>();

    protected MetricAggregate() {
        // Axon rebuilds the aggregate from its events through this constructor.
    }

    /** Proposes the metric; the caller has admitted it to its team's budget in the same unit of work. */
    public MetricAggregate(ProposeMetric command, Clock clock, LifecycleSettings settings,
                           DeadlineManager deadlineManager) {
        requireValidProposal(command);
        Instant proposedAt = clock.instant();
        Instant due = proposedAt.plus(settings.linkWindow());
        String definitionVersion = hasText(command.version()) ? command.version() : DEFAULT_VERSION;
        // Scheduled after the creation event is applied: inside a constructor the identifier is unknown until then,
        // and a persistent deadline manager records the aggregate's scope when it schedules.
        apply(new MetricProposed(command.metricId(), command.name(), command.description(), command.team(),
                command.owner(), definitionVersion, command.validFor(), command.rationale(), proposedAt, due))
                .andThen(() -> deadlineManager.schedule(due, LINK_WINDOW_DEADLINE, new LinkWindowDeadline(due)));
    }

    /**
     * The proposal's own fields, checked before anything touches the team's budget, so that an invalid proposal is
     * answered as invalid (400) whatever the budget says.
     */
    public static void requireValidProposal(ProposeMetric command) {
        require(hasText(command.metricId()), "metricId", "must not be blank");
        require(hasText(command.name()), "name", "must not be blank");
        require(hasText(command.team()), "team", "must not be blank");
        require(hasText(command.owner()), "owner", "must not be blank");
    }

    @CommandHandler
    public void handle(LinkHypothesis command) {
        requireNotDeprecated();
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
        if (criteria.containsKey(command.hypothesisId())) {
            throw new LifecycleConflictException(
                    "hypothesis " + command.hypothesisId() + " is already linked to metric " + metricId);
        }
        apply(new HypothesisLinked(metricId, command.hypothesisId(), command.outcome(), command.statement(),
                command.direction(), command.minCorrelation(), command.minSampleSize(), rule, confidence));
    }

    @CommandHandler
    public CorrelationJudged handle(RecordCorrelation command, Clock clock, LifecycleSettings settings,
                                    DeadlineManager deadlineManager) {
        requireNotDeprecated();
        require(hasText(command.correlationId()), "correlationId", "must not be blank");
        // Written as a positive range so that NaN fails it too.
        require(command.coefficient() >= -1 && command.coefficient() <= 1, "coefficient", "must be between -1 and 1");
        require(command.sampleSize() >= 2, "sampleSize", "must be at least 2");
        require(command.periodStart() != null, "periodStart", "is required");
        require(command.periodEnd() != null, "periodEnd", "is required");
        require(!command.periodStart().isAfter(command.periodEnd()), "periodStart", "must not be after periodEnd");
        Instant recordedAt = clock.instant();
        LocalDate today = LocalDate.ofInstant(recordedAt, ZoneOffset.UTC);
        require(!command.periodEnd().isAfter(today), "periodEnd", "must not lie after today (" + today + ", UTC)");
        HypothesisCriteria hypothesis = criteria.get(command.hypothesisId());
        if (hypothesis == null) {
            throw new UnknownHypothesisException(command.hypothesisId());
        }
        HypothesisEvidence judged = evidence.get(command.hypothesisId());
        String measuredOn = requireCurrentDefinition(command.definitionVersion());
        Duration interval = settings.revalidationInterval();
        String supersedes = hasText(command.supersedes()) ? command.supersedes() : null;
        if (supersedes != null) {
            StoredCorrelation corrected = judged.correlation(supersedes);
            require(corrected != null, "supersedes",
                    "names no correlation of hypothesis " + command.hypothesisId());
            if (corrected.superseded()) {
                throw new LifecycleConflictException("correlation " + supersedes + " is already superseded");
            }
        }
        Set<String> countedBefore = judged.counted(currentMajor(), interval);
        for (StoredCorrelation other : judged.correlations) {
            if (countedBefore.contains(other.correlationId()) && !other.correlationId().equals(supersedes)
                    && Objects.equals(other.source(), blankToNull(command.source()))
                    && !other.periodStart().isAfter(command.periodEnd())
                    && !command.periodStart().isAfter(other.periodEnd())) {
                throw new LifecycleConflictException("the period " + command.periodStart() + ".." + command.periodEnd()
                        + " overlaps counted correlation " + other.correlationId() + " (" + other.periodStart() + ".."
                        + other.periodEnd() + ") of the same hypothesis from the same source; name it in supersedes"
                        + " to correct it");
            }
        }
        Instant ownDue = RevalidationDue.of(recordedAt, command.periodEnd(), interval);
        if (RevalidationDue.hasPassed(ownDue, recordedAt)) {
            throw new LifecycleConflictException("a correlation for a period ending " + command.periodEnd()
                    + " was due for revalidation at " + ownDue + ": it is too old to speak for the metric now");
        }
        CorrelationMethod method = command.method() != null ? command.method() : CorrelationMethod.PEARSON;
        SupportCriteria support = hypothesis.support();
        Verdict verdict = judged.rule.verdict(method, command.coefficient(), command.sampleSize(), support,
                judged.confidence);
        CorrelationInterval ownInterval = FisherEstimate.of(method, command.coefficient(), command.sampleSize())
                .map(e -> CorrelationInterval.of(e.interval(judged.confidence))).orElse(null);

        // The hypothesis and the metric as they will stand after this correlation.
        StoredCorrelation recorded = new StoredCorrelation(command.correlationId(), method, command.coefficient(),
                command.sampleSize(), command.periodStart(), command.periodEnd(), blankToNull(command.source()),
                majorOf(measuredOn), recordedAt, false);
        List<StoredCorrelation> after = new ArrayList<>();
        for (StoredCorrelation c : judged.correlations) {
            after.add(c.correlationId().equals(supersedes) ? c.asSuperseded() : c);
        }
        after.add(recorded);
        List<RecordedCorrelation> counted = CountedCorrelations.select(
                after.stream().map(StoredCorrelation::asRecorded).toList(), currentMajor(), interval);
        Optional<Pool> pool = Pool.of(counted.stream().map(c -> c.estimate().orElseThrow()).toList(),
                judged.confidence);
        HypothesisStatus before = hypothesisStatuses.get(command.hypothesisId());
        HypothesisStatus statusAfter = switch (judged.rule) {
            case INTERVAL -> Pool.status(pool, support);
            case POINT -> verdict.isConclusive() ? HypothesisStatus.of(verdict) : before;
        };
        Map<String, HypothesisStatus> statusesAfter = new HashMap<>(hypothesisStatuses);
        statusesAfter.put(command.hypothesisId(), statusAfter);
        Instant metricDue = null;
        for (Map.Entry<String, HypothesisEvidence> entry : evidence.entrySet()) {
            if (statusesAfter.get(entry.getKey()) != HypothesisStatus.SUPPORTED) {
                continue;
            }
            boolean thisOne = entry.getKey().equals(command.hypothesisId());
            Instant due = entry.getValue().due(thisOne ? after : entry.getValue().correlations,
                    thisOne && verdict == Verdict.SUPPORTED ? recordedAt : entry.getValue().lastSupportedAt,
                    currentMajor(), interval);
            if (due != null && (metricDue == null || due.isAfter(metricDue))) {
                metricDue = due;
            }
        }
        boolean wasSupported = hypothesisStatuses.containsValue(HypothesisStatus.SUPPORTED);
        boolean stillSupported = statusesAfter.containsValue(HypothesisStatus.SUPPORTED);
        // Read before the events are applied: CorrelationRecorded leaves these flags alone.
        boolean wasDeprioritized = deprioritized;
        Instant previousDue = revalidationDue;

        if (supersedes != null) {
            apply(new CorrelationSuperseded(metricId, supersedes, command.hypothesisId(), command.correlationId(),
                    recordedAt));
        }
        apply(new CorrelationRecorded(metricId, command.correlationId(), command.hypothesisId(),
                command.coefficient(), command.sampleSize(), command.periodStart(), command.periodEnd(), method,
                blankToNull(command.source()), measuredOn, verdict, recordedAt, metricDue, ownInterval, supersedes,
                statusAfter, pool.map(PooledEvidence::of).orElse(null),
                counted.stream().map(RecordedCorrelation::correlationId).toList()));
        if (metricDue != null && !metricDue.equals(previousDue)) {
            deadlineManager.schedule(metricDue, REVALIDATION_DEADLINE, new RevalidationDeadline(metricDue));
        }
        if (wasDeprioritized && statusAfter == HypothesisStatus.SUPPORTED) {
            apply(new MetricReprioritized(metricId, command.correlationId(), recordedAt));
        } else if (!wasDeprioritized && wasSupported && !stillSupported && linkDeadline != null
                && !recordedAt.isBefore(linkDeadline)) {
            deprioritize(DeprioritizationRule.SUPPORT_LOST, "hypothesis " + command.hypothesisId()
                    + " lost its support: correlation " + command.correlationId() + " (r = " + command.coefficient()
                    + ", n = " + command.sampleSize() + ", " + method + ", " + command.periodStart() + ".."
                    + command.periodEnd() + ", verdict " + verdict + ") leaves it " + statusAfter
                    + ", and the metric is past its link window", clock);
        }
        return new CorrelationJudged(verdict, ownInterval, statusAfter);
    }

    /**
     * The definition version a correlation was measured against: the current one when it names none. One of an older
     * major version is refused (409): old evidence no longer speaks for the new definition.
     */
    private String requireCurrentDefinition(String stated) {
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

    private long currentMajor() {
        return majorOf(version);
    }

    /** The major version; a free-text version (stored before versions were checked) is its own major, -1. */
    static long majorOf(String definitionVersion) {
        return DefinitionVersion.isWellFormed(definitionVersion) ? DefinitionVersion.parse(definitionVersion).major()
                : -1;
    }

    private static String blankToNull(String value) {
        return hasText(value) ? value : null;
    }

    /**
     * Retires the metric at someone's request and answers its team, whose budget slot the caller then releases. Not a
     * command handler: {@code MetricAdmission} calls it so the metric and its team change in one unit of work.
     */
    public String deprecate(DeprecateMetric command, Clock clock) {
        requireNotDeprecated();
        require(hasText(command.reason()), "reason", "must not be blank");
        require(!metricId.equals(command.replacedBy()), "replacedBy", "a metric cannot replace itself");
        apply(new MetricDeprecated(metricId, command.reason(), command.replacedBy(), clock.instant()));
        return team;
    }

    /**
     * Retires the metric because a proposal of {@code replacingTeam} swaps it out of that team's budget. The fields
     * named are the proposal's, since it is the proposal that named this metric.
     */
    public void deprecateAsReplaced(String replacingTeam, String replacedBy, String businessCase, Clock clock) {
        require(!deprecated, "replaces", "names metric " + metricId + ", which is already " + MetricStatus.DEPRECATED);
        require(team.equals(replacingTeam), "replaces",
                "names metric " + metricId + " of team " + team + ", not of team " + replacingTeam);
        require(hasText(businessCase), "businessCase", "must not be blank");
        apply(new MetricDeprecated(metricId, "replaced by " + replacedBy + ": " + businessCase, replacedBy,
                clock.instant()));
    }

    /** The team the metric belongs to (it never changes). */
    public String team() {
        return team;
    }

    /**
     * Not a command handler: {@code MetricAdmission} checks the new owner against the team's roster first, in the
     * same unit of work.
     */
    public void changeOwner(ChangeOwner command, Clock clock) {
        requireNotDeprecated();
        require(hasText(command.owner()), "owner", "must not be blank");
        if (command.owner().equals(owner)) {
            return;
        }
        apply(new OwnerChanged(metricId, owner, command.owner(), clock.instant()));
    }

    @CommandHandler
    public void handle(RotateOwner command, Clock clock) {
        // The rotation keeps running after a metric is retired; its handoffs simply pass a deprecated metric by.
        if (deprecated || command.handoff() <= lastRotationHandoffs.getOrDefault(command.scheduleId(), -1L)) {
            return;
        }
        require(hasText(command.owner()), "owner", "must not be blank");
        if (command.owner().equals(owner)) {
            return;
        }
        apply(new OwnershipRotated(metricId, owner, command.owner(), command.scheduleId(), command.handoff(),
                        clock.instant()),
                MetaData.with(EventMetadata.ACTOR, EventMetadata.SYSTEM_ACTOR)
                        .and(EventMetadata.REASON, SCHEDULED_ROTATION_REASON));
    }

    @CommandHandler
    public void handle(ReviseDefinition command, Clock clock, LifecycleSettings settings,
                       DeadlineManager deadlineManager) {
        requireNotDeprecated();
        require(hasText(command.version()), "version", "must not be blank");
        require(DefinitionVersion.isAllowedForNewDefinitions(command.version()), "version",
                "must be a version like 1.0 or 2.1.3: at most 3 parts of at most 9 digits");
        DefinitionVersion next = DefinitionVersion.parse(command.version());
        // A metric proposed before versions were checked may carry free text; any well-formed version supersedes
        // it, and as its evidence cannot be placed it is treated as a major revision.
        DefinitionVersion current = DefinitionVersion.isWellFormed(version) ? DefinitionVersion.parse(version) : null;
        require(current == null || next.isGreaterThan(current), "version",
                "must be greater than the current version " + version);
        require(hasText(command.changeNote()), "changeNote", "must not be blank");
        List<ScoreDelta> deltas = command.deltas() == null ? List.of() : command.deltas();
        for (ScoreDelta delta : deltas) {
            require(delta != null && hasText(delta.subject()), "deltas", "must each name a subject");
            require(isFiniteOrAbsent(delta.before()) && isFiniteOrAbsent(delta.after()), "deltas",
                    "must hold finite scores");
        }
        boolean major = current == null || next.major() > current.major();
        Instant revisedAt = clock.instant();
        Instant due = major ? revisedAt.plus(settings.linkWindow()) : null;
        String nextValidFor = hasText(command.validFor()) ? command.validFor() : validFor;
        apply(new MetricDefinitionRevised(metricId, version, command.version(), command.changeNote(), validFor,
                nextValidFor, deltas, major, revisedAt, due));
        if (major) {
            // The deadline of the earlier window stays scheduled; its payload no longer matches linkDeadline.
            deadlineManager.schedule(due, LINK_WINDOW_DEADLINE, new LinkWindowDeadline(due));
        }
    }

    @CommandHandler
    public void handle(RecordBlindSpot command, Clock clock) {
        requireNotDeprecated();
        require(hasText(command.blindSpotId()), "blindSpotId", "must not be blank");
        require(hasText(command.failureMode()), "failureMode", "must not be blank");
        require(hasText(command.description()), "description", "must not be blank");
        apply(new BlindSpotRecorded(metricId, command.blindSpotId(), command.failureMode(), command.description(),
                command.incidentRef(), clock.instant()));
    }

    @CommandHandler
    public Instant handle(OpenShadowCheck command, Clock clock, LifecycleSettings settings,
                          DeadlineManager deadlineManager) {
        requireNotDeprecated();
        require(hasText(command.checkId()), "checkId", "must not be blank");
        require(hasText(command.change()), "change", "must not be blank");
        require(Double.isFinite(command.evalDelta()) && command.evalDelta() != 0, "evalDelta",
                "must be a non-zero number");
        Duration observeFor = command.observeFor() == null ? LifecycleSettings.DEFAULT_SHADOW_OBSERVE
                : command.observeFor();
        require(observeFor.compareTo(settings.shadowMinObserve()) >= 0
                        && observeFor.compareTo(LifecycleSettings.SHADOW_MAX_OBSERVE) <= 0, "observeFor",
                "must be between " + settings.shadowMinObserve() + " and " + LifecycleSettings.SHADOW_MAX_OBSERVE);
        if (!criteria.containsKey(command.hypothesisId())) {
            throw new UnknownHypothesisException(command.hypothesisId());
        }
        if (shadowChecks.containsKey(command.checkId())) {
            throw new LifecycleConflictException("shadow check " + command.checkId() + " is already open");
        }
        Instant openedAt = clock.instant();
        Instant observeUntil = openedAt.plus(observeFor);
        apply(new ShadowCheckOpened(metricId, command.checkId(), command.change(), command.evalDelta(),
                command.hypothesisId(), openedAt, observeUntil));
        deadlineManager.schedule(observeUntil, SHADOW_CHECK_DEADLINE,
                new ShadowCheckDeadline(command.checkId(), observeUntil));
        return observeUntil;
    }

    @CommandHandler
    public ShadowCheckResult handle(ConcludeShadowCheck command, Clock clock) {
        requireNotDeprecated();
        ShadowCheck check = shadowChecks.get(command.checkId());
        if (check == null) {
            throw new UnknownShadowCheckException(command.checkId());
        }
        require(Double.isFinite(command.outcomeDelta()), "outcomeDelta", "must be a number");
        require(command.sampleSize() == null || command.sampleSize() >= 1, "sampleSize", "must be at least 1");
        if (check.state() != ShadowCheck.State.OPEN) {
            throw new LifecycleConflictException("shadow check " + command.checkId() + " is already "
                    + check.state());
        }
        Instant now = clock.instant();
        if (!now.isBefore(check.observeUntil())) {
            throw new LifecycleConflictException("shadow check " + command.checkId() + " was to be observed until "
                    + check.observeUntil() + ": an outcome posted later is not the outcome it predicted");
        }
        Direction direction = criteria.get(check.hypothesisId()).direction();
        ShadowCheckResult result = ShadowCheckResult.of(direction, check.evalDelta(), command.outcomeDelta());
        apply(new ShadowCheckConcluded(metricId, command.checkId(), command.outcomeDelta(), command.sampleSize(),
                hasText(command.note()) ? command.note() : null, result, now));
        return result;
    }

    @DeadlineHandler(deadlineName = SHADOW_CHECK_DEADLINE)
    public void onShadowCheckDue(ShadowCheckDeadline deadline, Clock clock) {
        ShadowCheck check = shadowChecks.get(deadline.checkId());
        if (check == null || check.state() != ShadowCheck.State.OPEN) {
            return;
        }
        apply(new ShadowCheckExpired(metricId, deadline.checkId(), clock.instant()),
                MetaData.with(EventMetadata.ACTOR, EventMetadata.SYSTEM_ACTOR)
                        .and(EventMetadata.REASON, "shadow check not concluded by " + check.observeUntil()));
    }

    @DeadlineHandler(deadlineName = LINK_WINDOW_DEADLINE)
    public void onLinkWindowClosed(LinkWindowDeadline deadline, Clock clock, LifecycleSettings settings) {
        if (!deadline.due().equals(linkDeadline)) {
            return;
        }
        MetricStatus status = status();
        if (status == MetricStatus.PROPOSED || status == MetricStatus.LINKED || status == MetricStatus.REFUTED) {
            deprioritize(DeprioritizationRule.LINK_WINDOW_EXPIRED,
                    "link window expired: no supported hypothesis within " + settings.linkWindow() + " of "
                            + linkWindowOpenedBy,
                    clock);
        }
    }

    @DeadlineHandler(deadlineName = REVALIDATION_DEADLINE)
    public void onRevalidationDue(RevalidationDeadline deadline, Clock clock) {
        if (!deadline.due().equals(revalidationDue)) {
            return;
        }
        MetricStatus status = status();
        if (status != MetricStatus.DEPRECATED && status != MetricStatus.DEPRIORITIZED) {
            deprioritize(DeprioritizationRule.REVALIDATION_LAPSED,
                    "revalidation lapsed: no supporting correlation since " + lastSupportedAt, clock);
        }
    }

    @EventSourcingHandler
    void on(MetricProposed event) {
        metricId = event.metricId();
        team = event.team();
        owner = event.owner();
        version = event.version();
        validFor = event.validFor();
        linkDeadline = event.linkDeadline();
        linkWindowOpenedBy = "proposal";
    }

    @EventSourcingHandler
    void on(HypothesisLinked event) {
        criteria.put(event.hypothesisId(),
                new HypothesisCriteria(event.direction(), event.minCorrelation(), event.minSampleSize()));
        hypothesisStatuses.put(event.hypothesisId(), HypothesisStatus.OPEN);
        evidence.put(event.hypothesisId(), new HypothesisEvidence(event.decisionRule(), event.confidence()));
    }

    @EventSourcingHandler
    void on(CorrelationRecorded event) {
        HypothesisEvidence judged = evidence.get(event.hypothesisId());
        judged.correlations.add(new StoredCorrelation(event.correlationId(), event.method(), event.coefficient(),
                event.sampleSize(), event.periodStart(), event.periodEnd(), event.source(),
                majorOf(event.definitionVersion()), event.recordedAt(), false));
        if (event.verdict() == Verdict.SUPPORTED) {
            judged.lastSupportedAt = event.recordedAt();
            lastSupportedAt = event.recordedAt();
        }
        if (event.carriesStatus()) {
            hypothesisStatuses.put(event.hypothesisId(), event.hypothesisStatus());
            revalidationDue = event.revalidationDue();
            return;
        }
        // A first-revision event: a conclusive verdict is the status; a refutation leaves the due date alone.
        if (event.verdict().isConclusive()) {
            hypothesisStatuses.put(event.hypothesisId(), HypothesisStatus.of(event.verdict()));
        }
        if (event.revalidationDue() != null) {
            revalidationDue = event.revalidationDue();
        }
    }

    @EventSourcingHandler
    void on(CorrelationSuperseded event) {
        HypothesisEvidence judged = evidence.get(event.hypothesisId());
        List<StoredCorrelation> correlations = judged.correlations;
        for (int i = 0; i < correlations.size(); i++) {
            if (correlations.get(i).correlationId().equals(event.correlationId())) {
                correlations.set(i, correlations.get(i).asSuperseded());
            }
        }
    }

    @EventSourcingHandler
    void on(ShadowCheckOpened event) {
        shadowChecks.put(event.checkId(), new ShadowCheck(event.hypothesisId(), event.evalDelta(),
                event.observeUntil(), ShadowCheck.State.OPEN));
    }

    @EventSourcingHandler
    void on(ShadowCheckConcluded event) {
        shadowChecks.computeIfPresent(event.checkId(), (id, check) -> check.in(ShadowCheck.State.CONCLUDED));
    }

    @EventSourcingHandler
    void on(ShadowCheckExpired event) {
        shadowChecks.computeIfPresent(event.checkId(), (id, check) -> check.in(ShadowCheck.State.EXPIRED));
    }

    @EventSourcingHandler
    void on(MetricDeprioritized event) {
        deprioritized = true;
    }

    @EventSourcingHandler
    void on(MetricReprioritized event) {
        deprioritized = false;
    }

    @EventSourcingHandler
    void on(MetricDeprecated event) {
        deprecated = true;
    }

    @EventSourcingHandler
    void on(OwnerChanged event) {
        owner = event.newOwner();
    }

    @EventSourcingHandler
    void on(OwnershipRotated event) {
        owner = event.newOwner();
        lastRotationHandoffs.put(event.scheduleId(), event.handoff());
    }

    @EventSourcingHandler
    void on(MetricDefinitionRevised event) {
        version = event.version();
        validFor = event.validFor();
        if (event.major()) {
            // The old evidence no longer speaks for the new definition: every hypothesis waits for new evidence, a
            // new window runs, and the pending revalidation no longer applies (its deadline finds no due date).
            hypothesisStatuses.replaceAll((hypothesisId, status) -> HypothesisStatus.OPEN);
            linkDeadline = event.linkDeadline();
            linkWindowOpenedBy = "major revision " + event.version();
            revalidationDue = null;
            evidence.values().forEach(e -> e.lastSupportedAt = null);
        }
    }

    private void deprioritize(DeprioritizationRule rule, String reason, Clock clock) {
        // Explicit metadata: a deadline otherwise inherits the actor of the command that scheduled it.
        apply(new MetricDeprioritized(metricId, rule, reason, clock.instant()),
                MetaData.with(EventMetadata.ACTOR, EventMetadata.SYSTEM_ACTOR).and(EventMetadata.REASON, reason));
    }

    private MetricStatus status() {
        return MetricStatus.derive(deprecated, deprioritized, hypothesisStatuses.values());
    }

    private void requireNotDeprecated() {
        if (deprecated) {
            throw new LifecycleConflictException(
                    "metric " + metricId + " is " + MetricStatus.DEPRECATED + " and accepts no further commands");
        }
    }

    private static void require(boolean valid, String field, String message) {
        if (!valid) {
            throw new InvalidCommandException(field, field + " " + message);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean isFiniteOrAbsent(Double score) {
        return score == null || Double.isFinite(score);
    }

    /** A shadow check as the aggregate remembers it. */
    record ShadowCheck(String hypothesisId, double evalDelta, Instant observeUntil, State state) {

        enum State { OPEN, CONCLUDED, EXPIRED }

        ShadowCheck in(State next) {
            return new ShadowCheck(hypothesisId, evalDelta, observeUntil, next);
        }
    }

    /** One recorded correlation as the aggregate remembers it. */
    record StoredCorrelation(String correlationId, CorrelationMethod method, double coefficient, int sampleSize,
                             LocalDate periodStart, LocalDate periodEnd, String source, long definitionMajor,
                             Instant recordedAt, boolean superseded) {

        StoredCorrelation asSuperseded() {
            return new StoredCorrelation(correlationId, method, coefficient, sampleSize, periodStart, periodEnd, source,
                    definitionMajor, recordedAt, true);
        }

        RecordedCorrelation asRecorded() {
            return new RecordedCorrelation(correlationId, method, coefficient, sampleSize, periodEnd, definitionMajor,
                    superseded);
        }
    }

    /** A hypothesis's rule, confidence and evidence; changed only by the event sourcing handlers. */
    static final class HypothesisEvidence {
        DecisionRule rule;
        double confidence;
        final List<StoredCorrelation> correlations = new ArrayList<>();
        /** When a correlation last supported it since the last major revision (POINT's due date counts from it). */
        Instant lastSupportedAt;

        HypothesisEvidence() {
            // For snapshots.
        }

        HypothesisEvidence(DecisionRule rule, double confidence) {
            this.rule = rule;
            this.confidence = confidence;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof HypothesisEvidence e && rule == e.rule
                    && Double.compare(confidence, e.confidence) == 0 && correlations.equals(e.correlations)
                    && Objects.equals(lastSupportedAt, e.lastSupportedAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(rule, confidence, correlations, lastSupportedAt);
        }

        StoredCorrelation correlation(String correlationId) {
            return correlations.stream().filter(c -> c.correlationId().equals(correlationId)).findFirst()
                    .orElse(null);
        }

        Set<String> counted(long currentMajor, Duration interval) {
            Set<String> ids = new HashSet<>();
            CountedCorrelations.select(correlations.stream().map(StoredCorrelation::asRecorded).toList(),
                    currentMajor, interval).forEach(c -> ids.add(c.correlationId()));
            return ids;
        }

        /**
         * When a SUPPORTED hypothesis stops speaking for the metric: for INTERVAL the latest due date among its
         * counted correlations (each from the end of its period, or its recording if earlier); for POINT, as the
         * first rule had it, its latest supporting correlation's recording time + the interval.
         */
        Instant due(List<StoredCorrelation> all, Instant latestSupport, long currentMajor, Duration interval) {
            if (rule == DecisionRule.POINT) {
                return latestSupport == null ? null : RevalidationDue.point(latestSupport, interval);
            }
            Set<String> ids = new HashSet<>();
            CountedCorrelations.select(all.stream().map(StoredCorrelation::asRecorded).toList(), currentMajor,
                    interval).forEach(c -> ids.add(c.correlationId()));
            Instant latest = null;
            for (StoredCorrelation c : all) {
                if (ids.contains(c.correlationId())) {
                    Instant due = RevalidationDue.of(c.recordedAt(), c.periodEnd(), interval);
                    if (latest == null || due.isAfter(latest)) {
                        latest = due;
                    }
                }
            }
            return latest;
        }
    }
}
