package org.metriclifecycle.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every part of the bench shares: the sizes, the server, the packaged service, where logs go, the report. */
final class BenchContext {

    final Sizes sizes;
    final PostgresServer postgres;
    final Path serviceJar;
    final Path work;
    final Report report;
    private int services;

    BenchContext(Sizes sizes, PostgresServer postgres, Path serviceJar, Path work, Report report) {
        this.sizes = sizes;
        this.postgres = postgres;
        this.serviceJar = serviceJar;
        this.work = work;
        this.report = report;
    }

    /**
     * Starts the service on a database, as the bench always runs it: basic authentication with the demo users, and
     * a budget of 100 core metrics per team (the most a team may have; each client moves to a fresh team before that).
     */
    ServiceProcess start(Database database, Map<String, String> extra) throws IOException, InterruptedException {
        Map<String, String> settings = new LinkedHashMap<>(database.serviceConfig());
        settings.put("metrics.auth.mode", "basic");
        settings.put("metrics.budget.default-core-limit", "100");
        settings.putAll(extra);
        Path log = work.resolve("logs").resolve(String.format("service-%02d-%s.log", ++services, database.name()));
        ServiceProcess service = ServiceProcess.start(serviceJar, settings, log);
        say("    service up in %.2f s (pid %d, RSS %d MiB, log %s)", service.startup().toNanos() / 1e9, service.pid(),
                service.rssAfterStart() >> 20, work.relativize(log));
        return service;
    }

    /** Starts the service on its embedded default (H2) with only the given settings: no bench defaults. */
    ServiceProcess startEmbedded(Map<String, String> settings, String name) throws IOException, InterruptedException {
        Path log = work.resolve("logs").resolve(String.format("service-%02d-%s.log", ++services, name));
        ServiceProcess service = ServiceProcess.start(serviceJar, settings, log);
        say("    service up in %.2f s (pid %d, RSS %d MiB, log %s)", service.startup().toNanos() / 1e9, service.pid(),
                service.rssAfterStart() >> 20, work.relativize(log));
        return service;
    }

    ServiceProcess start(Database database) throws IOException, InterruptedException {
        return start(database, Map.of());
    }

    static void say(String format, Object... arguments) {
        System.out.printf(format + "%n", arguments);
        System.out.flush();
    }
}
