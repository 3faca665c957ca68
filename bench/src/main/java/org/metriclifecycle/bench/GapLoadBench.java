package org.metriclifecycle.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;

/**
 * Figure 4: the load that used to stall the old design. Four clients write correlations to ONE metric, each with an
 * {@code Idempotency-Key}, resending a refused one (409 from a lost race, 503) with the same key until it is
 * answered; the lost races burn values of the global event sequence (gaps). Before and after that load one client
 * writes {@code latencyCommands} correlations back to back on a metric of its own; the writes after the load must not
 * be slower than before it.
 */
final class GapLoadBench {

    private static final int CLIENTS = 4;
    private static final int MAX_ATTEMPTS = 200;

    private final BenchContext bench;
    private final Samples beforeP50 = new Samples();
    private final Samples afterP50 = new Samples();
    private final Samples afterMax = new Samples();
    private final Samples beforeMax = new Samples();
    private final Samples p50Ratio = new Samples();
    private final Samples maxRatio = new Samples();
    private final Samples maxToMax = new Samples();
    private final Samples loadRate = new Samples();
    private final Samples burned = new Samples();
    private final Samples resent = new Samples();

    GapLoadBench(BenchContext bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        Sizes sizes = bench.sizes;
        BenchContext.say("== Figure 4: %d clients with Idempotency-Keys on one metric (%d events), writes before and "
                + "after", CLIENTS, sizes.gapEvents());
        Database database = bench.postgres.create("gaps");
        try (ServiceProcess service = bench.start(database)) {
            ServiceApi api = service.api();
            for (int rep = 1; rep <= sizes.repetitions(); rep++) {
                String[] probe = LongStreamBench.newMetric(api, "probe-" + rep);
                for (int i = 0; i < 10; i++) {
                    LongStreamBench.once(api, probe);
                }
                Histogram before = LongStreamBench.commands(api, probe, sizes.latencyCommands());
                String[] contended = LongStreamBench.newMetric(api, "contended-" + rep);
                long headBefore = database.count("SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
                long rowsBefore = database.count("SELECT count(*) FROM domain_event_entry");
                long started = System.nanoTime();
                long sends = contend(service, contended, sizes.gapEvents());
                double seconds = (System.nanoTime() - started) / 1e9;
                long headAfter = database.count("SELECT max(global_index) FROM domain_event_entry");
                long rowsAfter = database.count("SELECT count(*) FROM domain_event_entry");
                Histogram after = LongStreamBench.commands(api, probe, sizes.latencyCommands());
                double b50 = before.getValueAtPercentile(50) / 1000.0;
                double a50 = after.getValueAtPercentile(50) / 1000.0;
                double aMax = after.getMaxValue() / 1000.0;
                beforeP50.add(b50);
                beforeMax.add(before.getMaxValue() / 1000.0);
                afterP50.add(a50);
                afterMax.add(aMax);
                p50Ratio.add(a50 / b50);
                maxRatio.add(aMax / b50);
                maxToMax.add(aMax / (before.getMaxValue() / 1000.0));
                loadRate.add(sizes.gapEvents() / seconds);
                burned.add(headAfter - headBefore - (rowsAfter - rowsBefore));
                resent.add(sends - sizes.gapEvents());
                BenchContext.say("  repetition %d: before p50 %.1f ms (max %.1f); load %d events in %.1f s, %d sends, "
                                + "%d sequence values burned; after p50 %.1f ms, max %.1f ms", rep, b50,
                        before.getMaxValue() / 1000.0, sizes.gapEvents(), seconds, sends,
                        headAfter - headBefore - (rowsAfter - rowsBefore), a50, aMax);
            }
        } finally {
            bench.postgres.drop(database);
        }
        report();
    }

    /** The 4 clients' load; returns the requests sent (first sends and resends). */
    private static long contend(ServiceProcess service, String[] metric, int events) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong sends = new AtomicLong();
        AtomicReference<Throwable> broken = new AtomicReference<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String authorization = "Basic "
                + Base64.getEncoder().encodeToString("ada:ada".getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(service.api().baseUrl() + "/api/v1/metrics/" + metric[0] + "/correlations");
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int k = next.getAndIncrement(); k < events; k = next.getAndIncrement()) {
                        String key = UUID.randomUUID().toString();
                        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                                .header("Authorization", authorization).header("Content-Type", "application/json")
                                .header("Idempotency-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(HttpCommandClient.correlationBody(metric[1],
                                        Evidence.nth(k)))).build();
                        for (int attempt = 1; ; attempt++) {
                            sends.incrementAndGet();
                            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() / 100 == 2) {
                                break;
                            }
                            if ((answer.statusCode() != 409 && answer.statusCode() != 503) || attempt >= MAX_ATTEMPTS) {
                                throw new BenchFailure("keyed correlation answered " + answer.statusCode() + " after "
                                        + attempt + " attempts: " + answer.body());
                            }
                            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10));
                        }
                    }
                } catch (Throwable e) {
                    broken.compareAndSet(null, e);
                }
            }, "gap-client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (broken.get() != null) {
            throw new BenchFailure("a keyed client failed: " + broken.get(), broken.get());
        }
        return sends.get();
    }

    private void report() {
        Sizes sizes = bench.sizes;
        Report.Section section = bench.report.section("4. Writes after a keyed load on one metric (sequence gaps)");
        section.row("one client before the load: p50", beforeP50, "ms", "%.2f");
        section.row("one client before the load: max", beforeMax, "ms", "%.2f");
        section.row("one client after the load: p50", afterP50, "ms", "%.2f");
        section.row("one client after the load: max", afterMax, "ms", "%.2f");
        section.row("ratio p50 after / p50 before", p50Ratio, "", "%.2f");
        section.row("ratio slowest write after / p50 before", maxRatio, "", "%.2f",
                Report.Target.atMost(2.0, "<= 2"));
        section.row("ratio slowest write after / slowest write before", maxToMax, "", "%.2f");
        section.row("the load: events per second (4 clients, one metric)", loadRate, "events/s", "%.0f");
        section.row("the load: global sequence values burned (gaps)", burned, "", "%.0f");
        section.row("the load: requests resent with the same key", resent, "", "%.0f");
        section.note(String.format(Locale.ROOT, "Each repetition: one client records %d correlations back to back on "
                        + "a metric of its own (after 10 warm-up commands); then %d clients record %d correlations "
                        + "on one other metric, each with a new `Idempotency-Key`, resending a 409 or 503 answer "
                        + "with the same key after 1 to 10 ms until it is answered 2xx; then the first client "
                        + "records %d more on its metric. Burned sequence values: the growth of "
                        + "`max(global_index)` minus the rows added. The target reads \"no write after it slower than "
                        + "2 x before\" strictly: the slowest write after the load against the typical (p50) write "
                        + "before it. %d repetitions on one instance.", sizes.latencyCommands(), CLIENTS,
                sizes.gapEvents(), sizes.latencyCommands(), sizes.repetitions()));
    }
}
