package org.metriclifecycle.query.team;

import java.util.ArrayList;
import java.util.List;

import org.metriclifecycle.events.CoreMetricLimitChanged;
import org.metriclifecycle.events.RotationHandoffReached;
import org.metriclifecycle.events.RotationOverrideAdded;
import org.metriclifecycle.events.RotationScheduled;
import org.metriclifecycle.events.RotationStopped;
import org.metriclifecycle.events.TeamEvent;
import org.metriclifecycle.events.TeamMetricAdmitted;
import org.metriclifecycle.events.TeamMetricReleased;
import org.metriclifecycle.events.TeamRosterSet;
import org.metriclifecycle.events.WebhookSubscribed;
import org.metriclifecycle.events.WebhookUnsubscribed;

/** The one definition of how a team's events make its view. */
public final class TeamViewFold {

    private TeamViewFold() {
    }

    /**
     * @param current the view before {@code event}, null before the team's first event (any event may come first:
     *                a team exists as soon as something happens to it)
     * @return the view after {@code event}
     */
    public static TeamView apply(TeamView current, TeamEvent event) {
        TeamView view = current == null ? TeamView.empty(event.team()) : current;
        if (!view.team().equals(event.team())) {
            throw new IllegalArgumentException("event of team " + event.team() + " applied to team " + view.team());
        }
        if (event instanceof TeamMetricAdmitted admitted) {
            return admit(view, admitted);
        }
        if (event instanceof TeamMetricReleased released) {
            return release(view, released);
        }
        if (event instanceof CoreMetricLimitChanged changed) {
            return view.withCoreMetricLimit(changed.coreMetricLimit());
        }
        if (event instanceof RotationScheduled scheduled) {
            return schedule(view, scheduled);
        }
        if (event instanceof RotationStopped) {
            return view.withRotation(null);
        }
        if (event instanceof RotationOverrideAdded added) {
            return addOverride(view, added);
        }
        if (event instanceof RotationHandoffReached reached) {
            return handOff(view, reached);
        }
        if (event instanceof TeamRosterSet roster) {
            return view.withMembers(roster.members());
        }
        if (event instanceof WebhookSubscribed || event instanceof WebhookUnsubscribed) {
            // Kept by their own read model (query.webhook); the team's view still counts them in its sequence.
            return view;
        }
        throw new IllegalArgumentException("unknown team event " + event.getClass().getName());
    }

    // The slots are a set: admitting twice or releasing a metric that never held a slot (one proposed before teams
    // had streams) changes nothing, rather than wedging the projection on a stream it cannot undo.
    private static TeamView admit(TeamView view, TeamMetricAdmitted admitted) {
        if (view.activeMetricIds().contains(admitted.metricId())) {
            return view;
        }
        List<String> active = new ArrayList<>(view.activeMetricIds());
        active.add(admitted.metricId());
        return view.withActiveMetricIds(active);
    }

    private static TeamView release(TeamView view, TeamMetricReleased released) {
        List<String> active = new ArrayList<>(view.activeMetricIds());
        active.remove(released.metricId());
        return view.withActiveMetricIds(active);
    }

    // Overrides are about people being away, not about a schedule, so a replacing schedule keeps them.
    private static TeamView schedule(TeamView view, RotationScheduled scheduled) {
        List<OverrideView> overrides = view.rotation() == null ? List.of() : view.rotation().overrides();
        return view.withRotation(new RotationView(scheduled.scheduleId(), scheduled.members(), scheduled.period(),
                scheduled.startsAt(), overrides, null, null));
    }

    // The write side only accepts overrides for a running rotation; one without a rotation has nothing to apply to.
    private static TeamView addOverride(TeamView view, RotationOverrideAdded added) {
        if (view.rotation() == null) {
            return view;
        }
        List<OverrideView> overrides = new ArrayList<>(view.rotation().overrides());
        overrides.removeIf(o -> o.overrideId().equals(added.overrideId()));
        overrides.add(OverrideView.of(added));
        return view.withRotation(view.rotation().withOverrides(overrides));
    }

    // A handoff of a schedule that has since been replaced or stopped says nothing about the current one.
    private static TeamView handOff(TeamView view, RotationHandoffReached reached) {
        if (view.rotation() == null || !view.rotation().scheduleId().equals(reached.scheduleId())) {
            return view;
        }
        return view.withRotation(view.rotation().withLastHandoff(reached.handoff(), reached.handoffAt()));
    }
}
