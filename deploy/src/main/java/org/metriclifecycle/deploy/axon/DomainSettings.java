package org.metriclifecycle.deploy.axon;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.config.Configurer;
import org.metriclifecycle.command.LifecycleSettings;
import org.metriclifecycle.command.RotationSettings;
import org.metriclifecycle.command.TeamSettings;

/**
 * The domain's settings, read once from the typed configuration: the aggregates get them as Axon components, the
 * query handlers as beans.
 */
@Singleton
class DomainSettings {

    private final LifecycleSettings lifecycle;
    private final TeamSettings teams;
    private final RotationSettings rotations;

    @Inject
    DomainSettings(LifecycleConfig lifecycle, ShadowConfig shadow, BudgetConfig budget, RotationConfig rotations) {
        this.lifecycle = new LifecycleSettings(lifecycle.linkWindow(), lifecycle.revalidationInterval(),
                shadow.minObserve());
        this.teams = new TeamSettings(budget.defaultCoreLimit());
        this.rotations = new RotationSettings(rotations.minPeriod());
    }

    /** Makes the settings injectable into the aggregates' handlers. */
    void registerInto(Configurer axon) {
        axon.registerComponent(LifecycleSettings.class, c -> lifecycle)
                .registerComponent(TeamSettings.class, c -> teams)
                .registerComponent(RotationSettings.class, c -> rotations);
    }

    @Produces
    @Singleton
    LifecycleSettings lifecycle() {
        return lifecycle;
    }

    @Produces
    @Singleton
    TeamSettings teams() {
        return teams;
    }
}
