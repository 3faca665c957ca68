package org.metriclifecycle.command.team;

import static org.metriclifecycle.command.CommandRules.hasText;

import java.time.Clock;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.metriclifecycle.command.InvalidCommandException;
import org.metriclifecycle.command.LifecycleSettings;
import org.metriclifecycle.command.TeamSettings;
import org.metriclifecycle.command.metric.DeprecateMetric;
import org.metriclifecycle.command.metric.ChangeOwner;
import org.metriclifecycle.command.metric.MetricAggregate;
import org.metriclifecycle.command.metric.ProposeMetric;
import org.metriclifecycle.events.TeamEvent;

/**
 * Handles the two commands that change a metric and its team's budget together. One command is one unit of work, so
 * the team's stream and the metrics' streams are stored in one transaction or not at all: a refused proposal leaves
 * no trace, and a swap never deprecates the replaced metric without proposing the new one.
 * <p>
 * Locks are always taken metric first, team second (a swap loads the metric it replaces before the team), so a
 * deprecation and a swap of the same metric cannot wait on each other.
 */
public class MetricAdmission {

    private final Repository<TeamAggregate> teams;
    private final Repository<MetricAggregate> metrics;

    public MetricAdmission(Repository<TeamAggregate> teams, Repository<MetricAggregate> metrics) {
        this.teams = teams;
        this.metrics = metrics;
    }

    /** Answers the new metric's id. */
    @CommandHandler
    public String handle(ProposeMetric command, Clock clock, LifecycleSettings lifecycle, TeamSettings teamSettings,
                         DeadlineManager deadlineManager) throws Exception {
        MetricAggregate.requireValidProposal(command);
        Aggregate<MetricAggregate> replaced = hasText(command.replaces()) ? loadReplaced(command) : null;
        Aggregate<TeamAggregate> team = team(command.team());
        String owner = team.invoke(t -> t.onRoster("owner", command.owner()));
        team.execute(t -> t.admit(command.team(), command.metricId(), command.replaces(), command.businessCase(),
                teamSettings, clock));
        if (replaced != null) {
            replaced.execute(metric -> metric.deprecateAsReplaced(command.team(), command.metricId(),
                    command.businessCase(), clock));
        }
        ProposeMetric proposal = Objects.equals(owner, command.owner()) ? command : new ProposeMetric(command.metricId(),
                command.name(), command.description(), command.team(), owner, command.version(), command.validFor(),
                command.rationale(), command.replaces(), command.businessCase());
        metrics.newInstance(() -> new MetricAggregate(proposal, clock, lifecycle, deadlineManager));
        return command.metricId();
    }

    /** An owner named by hand must be on the team's roster, once it has one (a rotation's handoffs are checked when scheduled). */
    @CommandHandler
    public void handle(ChangeOwner command, Clock clock) throws Exception {
        Aggregate<MetricAggregate> metric = metrics.load(command.metricId());
        String team = metric.invoke(MetricAggregate::team);
        String owner = team(team).invoke(t -> t.onRoster("owner", command.owner()));
        metric.execute(m -> m.changeOwner(new ChangeOwner(command.metricId(), owner), clock));
    }

    @CommandHandler
    public void handle(DeprecateMetric command, Clock clock) throws Exception {
        String team = metrics.load(command.metricId()).invoke(metric -> metric.deprecate(command, clock));
        team(team).execute(t -> t.release(command.metricId(), clock));
    }

    private Aggregate<MetricAggregate> loadReplaced(ProposeMetric command) {
        try {
            return metrics.load(command.replaces());
        } catch (AggregateNotFoundException unknown) {
            // The proposal is what is wrong, not the address of the request.
            throw new InvalidCommandException("replaces",
                    "replaces must name an active metric of team " + command.team());
        }
    }

    private Aggregate<TeamAggregate> team(String team) throws Exception {
        return teams.loadOrCreate(TeamEvent.aggregateId(team), TeamAggregate::new);
    }
}
