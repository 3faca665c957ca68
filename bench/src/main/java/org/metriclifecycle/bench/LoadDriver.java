package org.metriclifecycle.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;

/**
 * Runs {@code clients} threads for a fixed time, each repeating its own {@link Step} back to back (a closed loop:
 * a client sends its next operation when the previous one answered). Throughput counts the operations that
 * succeeded over the wall time until the last thread finished; latency covers every operation.
 */
final class LoadDriver {

    private static final long MAX_MICROS = Duration.ofMinutes(2).toNanos() / 1000;

    private LoadDriver() {
    }

    static LoadRun run(int clients, Duration duration, long servicePid, IntFunction<Step> client)
            throws InterruptedException {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            steps.add(client.apply(i));
        }
        Histogram total = new Histogram(MAX_MICROS, 3);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<Throwable> broken = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] deadline = new long[1];
        for (int i = 0; i < clients; i++) {
            Step step = steps.get(i);
            Thread thread = new Thread(() -> {
                Histogram mine = new Histogram(MAX_MICROS, 3);
                long ok = 0;
                long bad = 0;
                try {
                    go.await();
                    while (System.nanoTime() < deadline[0]) {
                        long start = System.nanoTime();
                        boolean success = step.run();
                        mine.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - start) / 1000));
                        if (success) {
                            ok++;
                        } else {
                            bad++;
                        }
                    }
                } catch (Throwable e) {
                    broken.compareAndSet(null, e);
                }
                synchronized (total) {
                    total.add(mine);
                }
                succeeded.addAndGet(ok);
                failed.addAndGet(bad);
            }, "bench-client-" + i);
            threads.add(thread);
            thread.start();
        }
        CpuShare.Meter cpu = CpuShare.start(servicePid);
        long started = System.nanoTime();
        deadline[0] = started + duration.toNanos();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuShare share = cpu.stop();
        if (broken.get() != null) {
            throw new BenchFailure("a client failed: " + broken.get(), broken.get());
        }
        return new LoadRun(clients, succeeded.get(), failed.get(), seconds, total, share);
    }
}
