package org.metriclifecycle.deploy.axon;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The metric budget (SPEC "Governance"): how many non-deprecated metrics a team may keep unless it sets its own. */
@ConfigMapping(prefix = "metrics.budget")
public interface BudgetConfig {

    @WithDefault("8")
    int defaultCoreLimit();
}
