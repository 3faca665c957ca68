package org.metriclifecycle.bench;

/**
 * Where the CPU went during a run, in cores (1.0 = one core busy the whole time): the machine as a whole, the
 * service's JVM, the bench's own JVM, and the rest (PostgreSQL, and whatever else shared the machine).
 */
record CpuShare(double machineCores, double serviceCores, double benchCores) {

    double otherCores() {
        return Math.max(0, machineCores - serviceCores - benchCores);
    }

    /** Measures CPU time from now until {@link Meter#stop()}. */
    static Meter start(long servicePid) {
        return new Meter(servicePid);
    }

    static final class Meter {
        private final long servicePid;
        private final long started = System.nanoTime();
        private final long[] machine = ProcessStats.machineCpuNanos();
        private final long service;
        private final long bench = ProcessStats.ownCpuNanos();

        private Meter(long servicePid) {
            this.servicePid = servicePid;
            this.service = servicePid > 0 ? ProcessStats.cpuNanos(servicePid) : 0;
        }

        CpuShare stop() {
            double wall = System.nanoTime() - started;
            long[] machineNow = ProcessStats.machineCpuNanos();
            long serviceNow = servicePid > 0 ? ProcessStats.cpuNanos(servicePid) : 0;
            return new CpuShare((machineNow[0] - machine[0]) / wall, (serviceNow - service) / wall,
                    (ProcessStats.ownCpuNanos() - bench) / wall);
        }
    }
}
