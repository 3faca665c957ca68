package org.metriclifecycle.command.metric;

import static org.metriclifecycle.command.CommandRules.hasText;
import static org.metriclifecycle.command.CommandRules.require;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.command.LifecycleSettings;
import org.metriclifecycle.command.UnknownShadowCheckException;
import org.metriclifecycle.events.ShadowCheckConcluded;
import org.metriclifecycle.events.ShadowCheckExpired;
import org.metriclifecycle.events.ShadowCheckOpened;

/**
 * A metric's shadow checks and the rules for opening and concluding one. A member of {@link MetricAggregate}: only
 * its event sourcing handlers change it.
 */
final class ShadowChecks {

    /** A shadow check as the aggregate remembers it. */
    record ShadowCheck(String hypothesisId, double evalDelta, Instant observeUntil, State state) {

        enum State { OPEN, CONCLUDED, EXPIRED }

        ShadowCheck in(State next) {
            return new ShadowCheck(hypothesisId, evalDelta, observeUntil, next);
        }
    }

    /** Each check's hypothesis, eval delta, observeUntil and whether it is still open. */
    private final Map<String, ShadowCheck> checks = new LinkedHashMap<>();

    /** The checks of an {@link OpenShadowCheck} that need nothing but the command; answers how long to observe. */
    static Duration requireValidOpening(OpenShadowCheck command, LifecycleSettings settings) {
        require(hasText(command.checkId()), "checkId", "must not be blank");
        require(hasText(command.change()), "change", "must not be blank");
        require(Double.isFinite(command.evalDelta()) && command.evalDelta() != 0, "evalDelta",
                "must be a non-zero number");
        Duration observeFor = command.observeFor() == null ? LifecycleSettings.DEFAULT_SHADOW_OBSERVE
                : command.observeFor();
        require(observeFor.compareTo(settings.shadowMinObserve()) >= 0
                        && observeFor.compareTo(LifecycleSettings.SHADOW_MAX_OBSERVE) <= 0, "observeFor",
                "must be between " + settings.shadowMinObserve() + " and " + LifecycleSettings.SHADOW_MAX_OBSERVE);
        return observeFor;
    }

    void requireNew(String checkId) {
        if (checks.containsKey(checkId)) {
            throw new LifecycleConflictException("shadow check " + checkId + " is already open");
        }
    }

    /** The open check a {@link ConcludeShadowCheck} names, once its outcome is well formed. */
    ShadowCheck requireConcludable(ConcludeShadowCheck command) {
        ShadowCheck check = checks.get(command.checkId());
        if (check == null) {
            throw new UnknownShadowCheckException(command.checkId());
        }
        require(Double.isFinite(command.outcomeDelta()), "outcomeDelta", "must be a number");
        require(command.sampleSize() == null || command.sampleSize() >= 1, "sampleSize", "must be at least 1");
        if (check.state() != ShadowCheck.State.OPEN) {
            throw new LifecycleConflictException("shadow check " + command.checkId() + " is already "
                    + check.state());
        }
        return check;
    }

    /** The check if it is still open, else null (its deadline then does nothing). */
    ShadowCheck openOrNull(String checkId) {
        ShadowCheck check = checks.get(checkId);
        return check == null || check.state() != ShadowCheck.State.OPEN ? null : check;
    }

    @EventSourcingHandler
    void on(ShadowCheckOpened event) {
        checks.put(event.checkId(), new ShadowCheck(event.hypothesisId(), event.evalDelta(), event.observeUntil(),
                ShadowCheck.State.OPEN));
    }

    @EventSourcingHandler
    void on(ShadowCheckConcluded event) {
        checks.computeIfPresent(event.checkId(), (id, check) -> check.in(ShadowCheck.State.CONCLUDED));
    }

    @EventSourcingHandler
    void on(ShadowCheckExpired event) {
        checks.computeIfPresent(event.checkId(), (id, check) -> check.in(ShadowCheck.State.EXPIRED));
    }
}
