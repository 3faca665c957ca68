package org.metriclifecycle.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
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
        settings.putAll(keys(database));
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

    /**
     * The two key files the service needs on PostgreSQL (docs/audit.md), made before its first start on a database so
     * that every instance on it shares them, as an operator would.
     */
    private synchronized Map<String, String> keys(Database database) throws IOException {
        Path directory = work.resolve("keys").resolve(database.name());
        Path secrets = directory.resolve("secrets.key");
        Path signing = directory.resolve("audit-signing.key");
        if (!Files.exists(secrets)) {
            Files.createDirectories(directory);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            writePrivate(secrets, Base64.getEncoder().encodeToString(key) + "\n");
            try {
                byte[] pkcs8 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
                writePrivate(signing, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64,
                        "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the Java runtime has no Ed25519", e);
            }
        }
        return Map.of("metrics.secrets.key-file", secrets.toAbsolutePath().toString(),
                "metrics.audit.signing-key-file", signing.toAbsolutePath().toString());
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    ServiceProcess start(Database database) throws IOException, InterruptedException {
        return start(database, Map.of());
    }

    static void say(String format, Object... arguments) {
        System.out.printf(format + "%n", arguments);
        System.out.flush();
    }
}
