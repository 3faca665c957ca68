package org.metriclifecycle.bench;

/** One client's next operation (a command, an append, a request), timed by the {@link LoadDriver}. */
@FunctionalInterface
interface Step {

    /** Performs the operation; false when it failed (it still counts toward the latency, not the throughput). */
    boolean run() throws Exception;
}
