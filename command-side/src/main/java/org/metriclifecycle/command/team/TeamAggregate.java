package org.metriclifecycle.command.team;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.metriclifecycle.command.CommandRules.hasText;
import static org.metriclifecycle.command.CommandRules.require;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.modelling.command.CreationPolicy;
import org.metriclifecycle.command.BudgetExceededException;
import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.command.RotationSettings;
import org.metriclifecycle.command.TeamSettings;
import org.metriclifecycle.command.UnknownWebhookSubscriptionException;
import org.metriclifecycle.command.metric.MetricAggregate;
import org.metriclifecycle.events.CoreMetricLimitChanged;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.RotationHandoffReached;
import org.metriclifecycle.events.RotationOverrideAdded;
import org.metriclifecycle.events.RotationPeriod;
import org.metriclifecycle.events.RotationRule;
import org.metriclifecycle.events.RotationScheduled;
import org.metriclifecycle.events.RotationStopped;
import org.metriclifecycle.events.TeamEvent;
import org.metriclifecycle.events.TeamMetricAdmitted;
import org.metriclifecycle.events.TeamMetricReleased;
import org.metriclifecycle.events.TeamRosterSet;
import org.metriclifecycle.events.TimeBounds;
import org.metriclifecycle.events.WebhookEventKind;
import org.metriclifecycle.events.WebhookFormat;
import org.metriclifecycle.events.WebhookSubscribed;
import org.metriclifecycle.events.WebhookUnsubscribed;

/**
 * One team's stream: the rules that span its metrics. The budget counts the metrics it admitted and has not
 * released; because every proposal appends to this stream, two proposals racing for the last slot conflict on its
 * sequence numbers and exactly one wins. The rotation hands the admitted metrics to their next owners at durable
 * deadlines; the metrics' own streams record the changes of owner (see {@link RotationDispatcher}).
 * <p>
 * A team exists from its first event: whichever command or admission comes first creates the stream.
 */
// The revision of the aggregate's state: raise it whenever its fields change, so old snapshots are ignored.
// 2: webhook subscriptions. 3: the rotation's period may be calendar months; the roster.
@Revision("3")
public class TeamAggregate {

    public static final String ROTATION_HANDOFF_DEADLINE = "rotation-handoff";
    /** Enough for every channel a team watches; more would mostly multiply deliveries nobody reads. */
    public static final int MAX_WEBHOOK_SUBSCRIPTIONS = 20;
    public static final int MAX_ROSTER_SIZE = 200;

    @AggregateIdentifier
    private String aggregateId;
    private String team;
    /** The team's own limit; null while it follows the configured default. */
    private Integer coreMetricLimit;
    /** Metrics that count against the budget, in the order they were admitted (the rotation's order). */
    private final Set<String> activeMetrics = new LinkedHashSet<>();
    private Rotation rotation;
    /** Absences are facts about people, so they outlive a replaced or stopped schedule. */
    private final List<RotationRule.Absence> overrides = new ArrayList<>();
    /** The last handoff applied under the current schedule; -1 before its first. */
    private long lastHandoff = -1;
    /** Webhook subscriptions in force, by id, with their URL. */
    private final Map<String, String> webhooks = new LinkedHashMap<>();
    /** The roster, by name folded to lower case, with its spelling; empty while the team has none. */
    private final Map<String, String> roster = new LinkedHashMap<>();

    protected TeamAggregate() {
        // Axon rebuilds the aggregate from its events, and creates a new team, through this constructor.
    }

    /**
     * Every change is applied, even to the limit in force: setting a limit is a decision the audit trail keeps, and
     * it pins the team's limit against later changes of the default.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetCoreMetricLimit command, TeamSettings settings, Clock clock) {
        requireTeam(command.team());
        require(TeamSettings.isValidLimit(command.coreMetricLimit()), "coreMetricLimit",
                "must be between " + TeamSettings.MIN_CORE_METRIC_LIMIT + " and " + TeamSettings.MAX_CORE_METRIC_LIMIT);
        apply(new CoreMetricLimitChanged(command.team(), effectiveLimit(settings), command.coreMetricLimit(),
                clock.instant()));
    }

    /**
     * Replaces the roster. Names are compared case-insensitively ("lena" and "Lena" are one person), and kept as
     * first spelt. A roster that leaves out today's owners or rotation members is allowed: it governs what is
     * assigned from now on, like a schedule, and never rewrites the past.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetTeamRoster command, Clock clock) {
        requireTeam(command.team());
        List<String> members = command.members();
        require(members != null && !members.isEmpty() && members.size() <= MAX_ROSTER_SIZE, "members",
                "must name 1 to " + MAX_ROSTER_SIZE + " people");
        Set<String> seen = new HashSet<>();
        for (String member : members) {
            require(hasText(member), "members", "must not be blank");
            require(seen.add(folded(member)), "members",
                    "must be distinct (compared case-insensitively), " + member + " is named twice");
        }
        apply(new TeamRosterSet(command.team(), List.copyOf(roster.values()), members, clock.instant()));
    }

    /**
     * The roster's spelling of {@code name}, or the name itself while the team has no roster; refused (naming
     * {@code field}) when the team has a roster that does not list it.
     */
    public String onRoster(String field, String name) {
        if (roster.isEmpty() || name == null) {
            return name;
        }
        String known = roster.get(folded(name));
        require(known != null, field, "must be on team " + team + "'s roster, " + name + " is not");
        return known;
    }

    private List<String> onRoster(String field, List<String> names) {
        return names == null ? null : names.stream().map(name -> onRoster(field, name)).toList();
    }

    private static String folded(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ScheduleRotation command, Clock clock, DeadlineManager deadlineManager,
                       RotationSettings settings) {
        requireTeam(command.team());
        require(hasText(command.scheduleId()), "scheduleId", "must not be blank");
        require(rotation == null || !rotation.scheduleId().equals(command.scheduleId()), "scheduleId",
                "must differ from the schedule in force");
        requireMembers(command.members());
        List<String> members = onRoster("members", command.members());
        RotationPeriod period = command.period();
        String refusal = settings.refusal(period);
        require(refusal == null, "period", refusal);
        require(command.startsAt() != null, "startsAt", "is required");
        require(TimeBounds.contains(command.startsAt()), "startsAt", "must lie between the years 1970 and 9999");
        Instant now = clock.instant();
        apply(new RotationScheduled(command.team(), command.scheduleId(), members, period,
                command.startsAt(), now));
        // From now on only: a handoff that fell due before this schedule existed never happens.
        scheduleHandoff(deadlineManager, rotation.nextHandoff(now));
    }

    @CommandHandler
    public void handle(StopRotation command, Clock clock) {
        requireRotation();
        apply(new RotationStopped(team, rotation.scheduleId(), clock.instant()));
    }

    @CommandHandler
    public void handle(AddRotationOverride command) {
        requireRotation();
        require(hasText(command.overrideId()), "overrideId", "must not be blank");
        onRoster("member", command.member());
        // As the rotation spells them: the rule matches members by name.
        String member = command.member() == null ? null : rotation.members().stream()
                .filter(m -> folded(m).equals(folded(command.member()))).findFirst().orElse(null);
        require(member != null, "member", "must be a member of the rotation " + rotation.members());
        require(hasText(command.replacement()), "replacement", "must not be blank");
        String replacement = onRoster("replacement", command.replacement());
        require(!folded(replacement).equals(folded(member)), "replacement", "must differ from member");
        require(command.from() != null, "from", "is required");
        require(TimeBounds.contains(command.from()), "from", "must lie between the years 1970 and 9999");
        require(command.to() != null && command.to().isAfter(command.from()), "to", "must be after from");
        require(TimeBounds.contains(command.to()), "to", "must lie between the years 1970 and 9999");
        apply(new RotationOverrideAdded(team, command.overrideId(), member, replacement,
                command.from(), command.to()));
    }

    /**
     * Webhooks are team governance: who gets told about the team's metrics is a decision the audit trail keeps. A
     * team's first subscription may come before anything else happened to it, so it may create the stream.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SubscribeWebhook command, Clock clock) {
        requireTeam(command.team());
        require(hasText(command.subscriptionId()), "subscriptionId", "must not be blank");
        require(!webhooks.containsKey(command.subscriptionId()), "subscriptionId", "is already in use");
        Optional<String> urlProblem = WebhookUrl.problem(command.url());
        require(urlProblem.isEmpty(), "url", urlProblem.orElse(""));
        require(command.format() != null && WebhookFormat.fromWireName(command.format()).isPresent(), "format",
                "must be json or slack");
        require(command.eventKinds() != null && !command.eventKinds().isEmpty(), "events",
                "must name at least one of " + WebhookEventKind.allWireNames());
        for (String kind : command.eventKinds()) {
            require(kind != null && WebhookEventKind.fromWireName(kind).isPresent(), "events",
                    "must each be one of " + WebhookEventKind.allWireNames() + ", not " + kind);
        }
        require(hasText(command.secretFingerprint()), "secretFingerprint", "must not be blank");
        if (webhooks.size() >= MAX_WEBHOOK_SUBSCRIPTIONS) {
            throw new LifecycleConflictException("team " + command.team() + " already has "
                    + MAX_WEBHOOK_SUBSCRIPTIONS + " webhook subscriptions; remove one first");
        }
        apply(new WebhookSubscribed(command.team(), command.subscriptionId(), command.url(), command.format(),
                command.eventKinds(), command.secretFingerprint(), clock.instant()));
    }

    @CommandHandler
    public void handle(UnsubscribeWebhook command, Clock clock) {
        if (!webhooks.containsKey(command.subscriptionId())) {
            throw new UnknownWebhookSubscriptionException(team, command.subscriptionId());
        }
        apply(new WebhookUnsubscribed(team, command.subscriptionId(), clock.instant()));
    }

    /**
     * Applies the latest handoff due. After downtime the deadline fires late and several handoffs may have fallen
     * due; only the latest is applied, as it would overwrite the owners the earlier ones set. A deadline of a
     * replaced or stopped schedule, or one delivered again, does nothing.
     */
    @DeadlineHandler(deadlineName = ROTATION_HANDOFF_DEADLINE)
    public void onHandoffDue(RotationHandoffDue due, Clock clock, DeadlineManager deadlineManager) {
        if (rotation == null || !rotation.scheduleId().equals(due.scheduleId())) {
            return;
        }
        long handoff = Math.max(due.handoff(), rotation.lastHandoff(clock.instant()));
        if (handoff <= lastHandoff) {
            return;
        }
        Instant handoffAt = rotation.handoffAt(handoff);
        // Explicit metadata: a deadline otherwise inherits the actor of the command that scheduled it.
        apply(new RotationHandoffReached(team, rotation.scheduleId(), handoff, handoffAt,
                        RotationRule.assignments(rotation.members(), overrides, handoff, handoffAt,
                                new ArrayList<>(activeMetrics))),
                MetaData.with(EventMetadata.ACTOR, EventMetadata.SYSTEM_ACTOR)
                        .and(EventMetadata.REASON, MetricAggregate.SCHEDULED_ROTATION_REASON));
        scheduleHandoff(deadlineManager, handoff + 1);
    }

    /** A schedule ends with the last handoff inside the years the service can show (9999). */
    private void scheduleHandoff(DeadlineManager deadlineManager, long handoff) {
        Instant at = rotation.handoffAt(handoff);
        if (TimeBounds.contains(at)) {
            deadlineManager.schedule(at, ROTATION_HANDOFF_DEADLINE, new RotationHandoffDue(rotation.scheduleId(), handoff));
        }
    }

    /**
     * Gives {@code metricId} one of the team's slots, or refuses it when the budget is full. A proposal that
     * {@code replaces} an active metric of the team, with a {@code businessCase}, swaps that metric's slot for the new
     * one whatever the budget says. Not a command handler: {@link MetricAdmission} calls it in the unit of work that
     * also creates the metric. {@code team} is needed because a team's first admission creates its stream.
     */
    public void admit(String team, String metricId, String replaces, String businessCase, TeamSettings settings,
                      Clock clock) {
        requireTeam(team);
        boolean swap = hasText(replaces);
        if (swap) {
            require(activeMetrics.contains(replaces), "replaces", "must name an active metric of team " + team);
            require(hasText(businessCase), "businessCase", "is required to replace a metric");
        } else {
            require(!hasText(businessCase), "replaces", "is required with businessCase");
            int limit = effectiveLimit(settings);
            if (activeMetrics.size() >= limit) {
                throw new BudgetExceededException(team, limit, activeMetrics.size());
            }
        }
        Instant now = clock.instant();
        if (swap) {
            apply(new TeamMetricReleased(team, replaces, now));
        }
        apply(new TeamMetricAdmitted(team, metricId, now));
    }

    /**
     * Gives a deprecated metric's slot back. A metric the team never admitted (one proposed before budgets were kept)
     * holds no slot, so nothing happens.
     */
    public void release(String metricId, Clock clock) {
        if (activeMetrics.contains(metricId)) {
            apply(new TeamMetricReleased(team, metricId, clock.instant()));
        }
    }

    public int activeCount() {
        return activeMetrics.size();
    }

    public int effectiveLimit(TeamSettings settings) {
        return coreMetricLimit != null ? coreMetricLimit : settings.defaultCoreMetricLimit();
    }

    @EventSourcingHandler
    void on(TeamMetricAdmitted event) {
        belongTo(event);
        activeMetrics.add(event.metricId());
    }

    @EventSourcingHandler
    void on(TeamMetricReleased event) {
        belongTo(event);
        activeMetrics.remove(event.metricId());
    }

    @EventSourcingHandler
    void on(CoreMetricLimitChanged event) {
        belongTo(event);
        coreMetricLimit = event.coreMetricLimit();
    }

    @EventSourcingHandler
    void on(RotationScheduled event) {
        belongTo(event);
        rotation = new Rotation(event.scheduleId(), event.members(), event.period(), event.startsAt());
        lastHandoff = -1;
    }

    @EventSourcingHandler
    void on(RotationStopped event) {
        belongTo(event);
        rotation = null;
    }

    @EventSourcingHandler
    void on(RotationOverrideAdded event) {
        belongTo(event);
        overrides.add(new RotationRule.Absence(event.member(), event.replacement(), event.from(), event.to()));
    }

    @EventSourcingHandler
    void on(RotationHandoffReached event) {
        belongTo(event);
        lastHandoff = event.handoff();
    }

    @EventSourcingHandler
    void on(WebhookSubscribed event) {
        belongTo(event);
        webhooks.put(event.subscriptionId(), event.url());
    }

    @EventSourcingHandler
    void on(TeamRosterSet event) {
        belongTo(event);
        roster.clear();
        event.members().forEach(member -> roster.putIfAbsent(folded(member), member));
    }

    @EventSourcingHandler
    void on(WebhookUnsubscribed event) {
        belongTo(event);
        webhooks.remove(event.subscriptionId());
    }

    /** Any event may be a new team's first, and the first must set the identifier. */
    private void belongTo(TeamEvent event) {
        aggregateId = TeamEvent.aggregateId(event.team());
        team = event.team();
    }

    private void requireRotation() {
        if (rotation == null) {
            throw new LifecycleConflictException("team " + team + " has no rotation");
        }
    }

    private static void requireTeam(String team) {
        require(hasText(team), "team", "must not be blank");
    }

    private static void requireMembers(List<String> members) {
        require(members != null && members.size() >= 2, "members", "must name at least 2 people");
        Set<String> seen = new HashSet<>();
        for (String member : members) {
            require(hasText(member), "members", "must not be blank");
            require(seen.add(folded(member)), "members",
                    "must be distinct (compared case-insensitively), " + member + " is named twice");
        }
    }

}
