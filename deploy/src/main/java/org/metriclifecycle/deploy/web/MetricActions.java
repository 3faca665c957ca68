package org.metriclifecycle.deploy.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.metriclifecycle.deploy.security.Action;
import org.metriclifecycle.deploy.security.Caller;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.query.metric.HypothesisView;
import org.metriclifecycle.query.metric.MetricView;
import org.metriclifecycle.query.metric.ShadowCheckView;

/**
 * The forms the detail page offers: exactly the writes the caller's role allows in the metric's team (the same
 * {@link Caller#may} the API's interceptor asks), none on a deprecated metric (every later command is refused) and
 * none on a past state.
 *
 * @param hypotheses the hypotheses a correlation or a shadow check can be recorded for
 * @param openChecks the shadow checks an outcome can still be posted for: open, and not yet past their
 *                   {@code observeUntil} (the service refuses a later outcome)
 */
public record MetricActions(boolean linkHypothesis, boolean recordCorrelation, boolean reviseDefinition,
                            boolean recordBlindSpot, boolean deprecate, boolean changeOwner, List<Option> hypotheses,
                            boolean openShadowCheck, boolean concludeShadowCheck, List<Option> openChecks) {

    private static final MetricActions NONE = new MetricActions(false, false, false, false, false, false, List.of(),
            false, false, List.of());

    public static MetricActions of(Caller caller, MetricView metric, List<ShadowCheckView> shadowChecks, Instant now,
                                   boolean pastState) {
        if (caller == null || pastState || metric.status() == MetricStatus.DEPRECATED) {
            return NONE;
        }
        String team = metric.team();
        List<Option> hypotheses = metric.hypotheses().stream()
                .map(h -> new Option(h.hypothesisId(), h.outcome() + " (" + h.status() + ")")).toList();
        List<Option> openChecks = shadowChecks.stream()
                .filter(c -> "OPEN".equals(c.state()) && now.isBefore(c.observeUntil()))
                .map(c -> new Option(c.checkId(), label(c, metric))).toList();
        return new MetricActions(
                caller.may(Action.LINK_HYPOTHESIS, team),
                caller.may(Action.RECORD_CORRELATION, team) && !hypotheses.isEmpty(),
                caller.may(Action.REVISE_DEFINITION, team),
                caller.may(Action.RECORD_BLIND_SPOT, team),
                caller.may(Action.DEPRECATE_METRIC, team),
                caller.may(Action.CHANGE_OWNER, team),
                hypotheses,
                caller.may(Action.OPEN_SHADOW_CHECK, team) && !hypotheses.isEmpty(),
                caller.may(Action.CONCLUDE_SHADOW_CHECK, team) && !openChecks.isEmpty(),
                openChecks);
    }

    /**
     * "prompt v2: eval +0.04; confirmed if user-reported errors rises; until 2026-03-04 12:00 UTC": which way the
     * outcome must move is the hypothesis's prediction for that eval delta, so the person posting it can see it.
     */
    static String label(ShadowCheckView check, MetricView metric) {
        HypothesisView hypothesis = metric.hypothesis(check.hypothesisId()).orElse(null);
        String prediction = "";
        if (hypothesis != null) {
            boolean rises = (check.evalDelta() > 0) == (hypothesis.direction() == Direction.POSITIVE);
            prediction = "; confirmed if " + hypothesis.outcome() + (rises ? " rises" : " falls");
        }
        return check.change() + ": eval " + MetricDetail.signed(check.evalDelta()) + prediction + "; until "
                + Display.shown(check.observeUntil());
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
                || openShadowCheck || concludeShadowCheck;
    }
}
