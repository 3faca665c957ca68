package org.metriclifecycle.command;

import java.time.Duration;
import java.util.Objects;

/**
 * The lifecycle's configurable durations. Handlers receive them as an injected parameter rather than holding them,
 * so a changed configuration applies to the next command without touching stored state. Their defaults live in the
 * service's configuration mappings, once.
 *
 * @param linkWindow           how long after proposal a metric has to earn a supported hypothesis
 * @param revalidationInterval how long a supporting correlation keeps a metric validated
 * @param shadowMinObserve     the shortest observeFor a shadow check may ask for (config
 *                             {@code metrics.shadow.min-observe}; tests lower it)
 */
public record LifecycleSettings(Duration linkWindow, Duration revalidationInterval, Duration shadowMinObserve) {

    /** The longest observeFor a shadow check may ask for. */
    public static final Duration SHADOW_MAX_OBSERVE = Duration.ofDays(30);
    /** The observeFor of a shadow check that states none. */
    public static final Duration DEFAULT_SHADOW_OBSERVE = Duration.ofHours(72);

    public LifecycleSettings {
        requirePositive(linkWindow, "linkWindow");
        requirePositive(revalidationInterval, "revalidationInterval");
        requirePositive(shadowMinObserve, "shadowMinObserve");
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
