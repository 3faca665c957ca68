package org.metriclifecycle.events;

/** The automatic rule that deprioritized a metric. */
public enum DeprioritizationRule {
    /** No supported hypothesis when the link window closed. */
    LINK_WINDOW_EXPIRED,
    /** No supporting correlation within the revalidation interval. */
    REVALIDATION_LAPSED,
    /** Past its link window, the metric lost its last supported hypothesis to new evidence. */
    SUPPORT_LOST
}
