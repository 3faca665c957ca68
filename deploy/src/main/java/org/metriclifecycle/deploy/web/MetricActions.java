package org.metriclifecycle.deploy.web;

import java.util.Arrays;
import java.util.List;

import org.metriclifecycle.deploy.security.Action;
import org.metriclifecycle.deploy.security.Caller;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.query.metric.MetricView;

/**
 * The forms the detail page offers: exactly the writes the caller's role allows in the metric's team (the same
 * {@link Caller#may} the API's interceptor asks), none on a deprecated metric (every later command is refused) and
 * none on a past state.
 *
 * @param hypotheses the hypotheses a correlation can be recorded for
 */
public record MetricActions(boolean linkHypothesis, boolean recordCorrelation, boolean reviseDefinition,
                            boolean recordBlindSpot, boolean deprecate, boolean changeOwner, List<Option> hypotheses,
                            boolean openShadowCheck) {

    public static MetricActions of(Caller caller, MetricView metric, boolean pastState) {
        if (caller == null || pastState || metric.status() == MetricStatus.DEPRECATED) {
            return new MetricActions(false, false, false, false, false, false, List.of(), false);
        }
        String team = metric.team();
        List<Option> hypotheses = metric.hypotheses().stream()
                .map(h -> new Option(h.hypothesisId(), h.outcome() + " (" + h.status() + ")")).toList();
        return new MetricActions(
                caller.may(Action.LINK_HYPOTHESIS, team),
                caller.may(Action.RECORD_CORRELATION, team) && !hypotheses.isEmpty(),
                caller.may(Action.REVISE_DEFINITION, team),
                caller.may(Action.RECORD_BLIND_SPOT, team),
                caller.may(Action.DEPRECATE_METRIC, team),
                caller.may(Action.CHANGE_OWNER, team),
                hypotheses,
                caller.may(Action.OPEN_SHADOW_CHECK, team) && !hypotheses.isEmpty());
    }

    /** A hypothesis's direction, as the link form offers it. */
    public List<Option> directions() {
        return List.of(new Option(Direction.POSITIVE.name(), "POSITIVE: r > 0 supports"),
                new Option(Direction.NEGATIVE.name(), "NEGATIVE: r < 0 supports"));
    }

    /** How the correlation was computed; PEARSON is the API's default. */
    public List<Option> methods() {
        return Arrays.stream(CorrelationMethod.values()).map(m -> new Option(m.name(), m.name())).toList();
    }

    public boolean any() {
        return linkHypothesis || recordCorrelation || reviseDefinition || recordBlindSpot || deprecate || changeOwner
                || openShadowCheck;
    }
}
