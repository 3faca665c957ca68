package org.metriclifecycle.bench;

import org.HdrHistogram.Histogram;

/** What one timed run of concurrent clients achieved; latencies in microseconds. */
record LoadRun(int clients, long operations, long failures, double seconds, Histogram latency,
               CpuShare cpu) {

    double throughput() {
        return operations / seconds;
    }

    double p50Millis() {
        return latency.getValueAtPercentile(50) / 1000.0;
    }

    double p99Millis() {
        return latency.getValueAtPercentile(99) / 1000.0;
    }
}
