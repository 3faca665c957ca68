package org.metriclifecycle.deploy.security;

/** A request body that names the team it acts in (a proposal names its team). */
public interface TeamScoped {

    String team();
}
