package org.metriclifecycle.command.metric;

import java.time.Instant;

/**
 * Payload of the "link-window" deadline. It carries the deadline it was scheduled for so that a window restarted
 * later (by a major revision) leaves the earlier, still scheduled one without effect.
 */
public record LinkWindowDeadline(Instant due) {
}
