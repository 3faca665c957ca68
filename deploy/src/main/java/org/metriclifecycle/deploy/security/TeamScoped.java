package org.metriclifecycle.deploy.security;

import java.util.Set;

/** A request body that names the team it acts in (a proposal names its team). */
public interface TeamScoped {

    String team();

    /**
     * Further actions the request performs in its team besides the endpoint's own (a proposal that swaps a metric out
     * of the budget also deprecates it), each checked like the endpoint's.
     */
    default Set<Action> alsoPerforms() {
        return Set.of();
    }
}
