package org.metriclifecycle.deploy.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the web page's live updates reach the pages connected to other instances (docs/operations.md "Running several instances"). */
@ConfigMapping(prefix = "metrics.live")
public interface LiveConfig {

    /**
     * Relay each committed change to the other instances through PostgreSQL LISTEN/NOTIFY, so a page connected to
     * any instance hears every write. Turn it off only where LISTEN cannot work (a connection pooler in transaction
     * mode): pages then hear the changes written through their own instance, and see the others' when they reload.
     */
    @WithDefault("true")
    boolean listenNotify();
}
