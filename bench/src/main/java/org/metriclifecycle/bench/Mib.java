package org.metriclifecycle.bench;

/** Byte counts as the report shows them. */
final class Mib {

    private Mib() {
    }

    static double of(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
