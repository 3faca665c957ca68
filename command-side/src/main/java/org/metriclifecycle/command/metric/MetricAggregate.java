package org.metriclifecycle.command.metric;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.metriclifecycle.command.CommandRules.blankToNull;
import static org.metriclifecycle.command.CommandRules.hasText;
import static org.metriclifecycle.events.DefinitionVersion.majorOf;
import static org.metriclifecycle.command.CommandRules.require;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;
import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.command.LifecycleSettings;
import org.metriclifecycle.command.UnknownHypothesisException;
import org.metriclifecycle.events.BlindSpotRecorded;
import org.metriclifecycle.events.CorrelationRecorded;
import org.metriclifecycle.events.CorrelationSuperseded;
import org.metriclifecycle.events.DefinitionVersion;
import org.metriclifecycle.events.DeprioritizationRule;
import org.metriclifecycle.events.Direction;
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
import org.metriclifecycle.events.ShadowCheckConcluded;
import org.metriclifecycle.events.ShadowCheckExpired;
import org.metriclifecycle.events.ShadowCheckOpened;
import org.metriclifecycle.events.ShadowCheckResult;
import org.metriclifecycle.events.Verdict;

/**
 * One metric's event stream and the lifecycle rules that guard it. Command and deadline handlers decide and apply;
 * only the event sourcing handlers change fields, so replaying the stream always rebuilds the same state. Time,
 * durations and the deadline manager arrive as handler parameters: the aggregate holds no clock and does no I/O.
 * <p>
 * Proposal and deprecation also change the team's budget, so {@code MetricAdmission} handles those two commands and
 * calls the constructor and {@link #deprecate} here within the same unit of work as the team's stream.
 * <p>
 * Its state is split by what it is about: the members {@link Hypotheses} (criteria, statuses, evidence) and
 * {@link ShadowChecks}, and here the metric's own fields; the evidence rules a new correlation is judged by are
 * {@link CorrelationJudgement}.
 */
// The revision of the aggregate's state: raise it whenever its fields change, so old snapshots are ignored.
@Revision("3")
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
    // Members: Axon hands them every event of the stream after this class's own handlers have seen it.
    @AggregateMember
    private final Hypotheses hypotheses = new Hypotheses();
    @AggregateMember
    private final ShadowChecks shadowChecks = new ShadowChecks();

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
        HypothesisLinked linked = Hypotheses.validLink(metricId, command);
        if (hypotheses.isLinked(command.hypothesisId())) {
            throw new LifecycleConflictException(
                    "hypothesis " + command.hypothesisId() + " is already linked to metric " + metricId);
        }
        apply(linked);
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
        if (!hypotheses.isLinked(command.hypothesisId())) {
            throw new UnknownHypothesisException(command.hypothesisId());
        }
        String measuredOn = CorrelationJudgement.measuredOn(command.definitionVersion(), version);
        CorrelationJudgement judged = CorrelationJudgement.of(command, hypotheses, measuredOn, majorOf(version),
                settings.revalidationInterval(), recordedAt);
        // Read before the events are applied: CorrelationRecorded leaves these flags alone.
        boolean wasDeprioritized = deprioritized;
        Instant previousDue = revalidationDue;

        if (judged.supersedes() != null) {
            apply(new CorrelationSuperseded(metricId, judged.supersedes(), command.hypothesisId(),
                    command.correlationId(), recordedAt));
        }
        apply(new CorrelationRecorded(metricId, command.correlationId(), command.hypothesisId(),
                command.coefficient(), command.sampleSize(), command.periodStart(), command.periodEnd(),
                judged.method(), blankToNull(command.source()), measuredOn, judged.verdict(), recordedAt,
                judged.metricDue(), judged.ownInterval(), judged.supersedes(), judged.statusAfter(),
                judged.pool().map(PooledEvidence::of).orElse(null), null, judged.countedSince()));
        Instant metricDue = judged.metricDue();
        if (metricDue != null && !metricDue.equals(previousDue)) {
            deadlineManager.schedule(metricDue, REVALIDATION_DEADLINE, new RevalidationDeadline(metricDue));
        }
        if (wasDeprioritized && judged.statusAfter() == HypothesisStatus.SUPPORTED) {
            apply(new MetricReprioritized(metricId, command.correlationId(), recordedAt));
        } else if (!wasDeprioritized && judged.wasSupported() && !judged.stillSupported() && linkDeadline != null
                && !recordedAt.isBefore(linkDeadline)) {
            deprioritize(DeprioritizationRule.SUPPORT_LOST, judged.supportLostReason(command), clock);
        }
        return new CorrelationJudged(judged.verdict(), judged.ownInterval(), judged.statusAfter());
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
        DefinitionRevision revision = DefinitionRevision.check(command, version);
        boolean major = revision.major();
        Instant revisedAt = clock.instant();
        Instant due = major ? revisedAt.plus(settings.linkWindow()) : null;
        String nextValidFor = hasText(command.validFor()) ? command.validFor() : validFor;
        apply(new MetricDefinitionRevised(metricId, version, command.version(), command.changeNote(), validFor,
                nextValidFor, revision.deltas(), major, revisedAt, due));
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
        Duration observeFor = ShadowChecks.requireValidOpening(command, settings);
        if (!hypotheses.isLinked(command.hypothesisId())) {
            throw new UnknownHypothesisException(command.hypothesisId());
        }
        shadowChecks.requireNew(command.checkId());
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
        ShadowChecks.ShadowCheck check = shadowChecks.requireConcludable(command);
        Instant now = clock.instant();
        if (!now.isBefore(check.observeUntil())) {
            throw new LifecycleConflictException("shadow check " + command.checkId() + " was to be observed until "
                    + check.observeUntil() + ": an outcome posted later is not the outcome it predicted");
        }
        Direction direction = hypotheses.criteria(check.hypothesisId()).direction();
        ShadowCheckResult result = ShadowCheckResult.of(direction, check.evalDelta(), command.outcomeDelta());
        apply(new ShadowCheckConcluded(metricId, command.checkId(), command.outcomeDelta(), command.sampleSize(),
                hasText(command.note()) ? command.note() : null, result, now));
        return result;
    }

    @DeadlineHandler(deadlineName = SHADOW_CHECK_DEADLINE)
    public void onShadowCheckDue(ShadowCheckDeadline deadline, Clock clock) {
        ShadowChecks.ShadowCheck check = shadowChecks.openOrNull(deadline.checkId());
        if (check == null) {
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
    void on(CorrelationRecorded event) {
        if (event.verdict() == Verdict.SUPPORTED) {
            lastSupportedAt = event.recordedAt();
        }
        // A first-revision event carries no status, and a refutation there leaves the due date alone.
        if (event.carriesStatus() || event.revalidationDue() != null) {
            revalidationDue = event.revalidationDue();
        }
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
            // The old evidence no longer speaks for the new definition (Hypotheses reopens them all): a new window
            // runs, and the pending revalidation no longer applies (its deadline finds no due date).
            linkDeadline = event.linkDeadline();
            linkWindowOpenedBy = "major revision " + event.version();
            revalidationDue = null;
        }
    }

    private void deprioritize(DeprioritizationRule rule, String reason, Clock clock) {
        // Explicit metadata: a deadline otherwise inherits the actor of the command that scheduled it.
        apply(new MetricDeprioritized(metricId, rule, reason, clock.instant()),
                MetaData.with(EventMetadata.ACTOR, EventMetadata.SYSTEM_ACTOR).and(EventMetadata.REASON, reason));
    }

    private MetricStatus status() {
        return MetricStatus.derive(deprecated, deprioritized, hypotheses.statuses());
    }

    private void requireNotDeprecated() {
        if (deprecated) {
            throw new LifecycleConflictException(
                    "metric " + metricId + " is " + MetricStatus.DEPRECATED + " and accepts no further commands");
        }
    }
}
