package org.metriclifecycle.deploy.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.metriclifecycle.deploy.api.IdempotencyStore;
import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.deploy.stores.cost.IdempotencyKeyRow;
import org.metriclifecycle.deploy.support.HotPathCostProfile;
import org.metriclifecycle.deploy.webhooks.NewDelivery;
import org.metriclifecycle.deploy.webhooks.WebhookDeliveries;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * What Hibernate would cost the two stores on every command's write path (docs/design.md "The stores on the write
 * path"): the JDBC stores against the same rows written through a StatelessSession and, for the keys, the
 * transaction's EntityManager; each write its own transaction, the variants taking turns write by write in one
 * run. Every transaction first opens the Hibernate session, as a command's does for its views, so only the store's
 * own work differs. Prints the figures (-Dstores.cost.writes=2000 for the ones in the design notes); asserts only
 * that every variant wrote its rows, not a speed. A measurement, not a check: it runs only when asked for with
 * {@code -Dstores.cost.writes=N}, so the suite neither waits for it nor depends on the machine's speed.
 */
@EnabledIfSystemProperty(named = "stores.cost.writes", matches = "[0-9]+")
@QuarkusTest
@TestProfile(HotPathCostProfile.class)
class HotPathStoresCostTest {

    /** Writes per variant in each of {@link #ROUNDS} blocks (the spread is over blocks), after as many to warm up. */
    private static final int WRITES = Integer.getInteger("stores.cost.writes", 200);
    private static final int ROUNDS = Integer.getInteger("stores.cost.rounds", 5);
    private static final String EXPIRED_KEY = "DELETE FROM IdempotencyKeyRow k"
            + " WHERE k.caller = :caller AND k.idempotencyKey = :key AND k.createdAt < :cutoff";
    private static final String INSERT_OR_NOTHING = "INSERT INTO webhook_delivery (delivery_id, subscription_id, team,"
            + " kind, dedup_key, metric_id, url, body, status, attempts, next_attempt_at, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (subscription_id, dedup_key) DO NOTHING";
    private static final String BODY = "{\"event\":\"metric.deprioritized\",\"metricId\":\"m-1\",\"reason\":\"x\"}";

    @Inject
    ActiveDatabase database;
    @Inject
    IdempotencyStore keys;
    @Inject
    WebhookDeliveries deliveries;

    private final AtomicLong serial = new AtomicLong();

    private interface Write {
        void run(String id);
    }

    @Test
    void hibernateAgainstJdbcOnTheWritePath() throws Exception {
        EntityManager entities = database.entityManager();
        SessionFactory factory = entities.getEntityManagerFactory().unwrap(SessionFactory.class);
        factory.getStatistics().setStatisticsEnabled(true);
        IdempotencyStore.StoredAnswer answer = new IdempotencyStore.StoredAnswer("f".repeat(64), 201,
                "/api/v1/metrics/m-1", "{\"metricId\":\"m-1\",\"status\":\"PROPOSED\"}");
        Map<String, Write> variants = new LinkedHashMap<>();
        variants.put("idempotency: plain JDBC (the store)", id -> keys.store("cost-jdbc", id, answer));
        variants.put("idempotency: StatelessSession", id -> {
            try (StatelessSession session = factory.openStatelessSession()) {
                Instant now = Instant.now();
                session.createMutationQuery(EXPIRED_KEY).setParameter("caller", "cost-ss").setParameter("key", id)
                        .setParameter("cutoff", now.minusSeconds(86_400)).executeUpdate();
                session.insert(keyRow("cost-ss", id, answer, now));
            }
        });
        variants.put("idempotency: EntityManager", id -> {
            Instant now = Instant.now();
            entities.createQuery(EXPIRED_KEY).setParameter("caller", "cost-em").setParameter("key", id)
                    .setParameter("cutoff", now.minusSeconds(86_400)).executeUpdate();
            entities.persist(keyRow("cost-em", id, answer, now));
            entities.flush(); // a taken key must fail here, inside the store, as it does in the others
        });
        variants.put("outbox: plain JDBC (the store)", id -> deliveries.enqueue(delivery(id, "cost-jdbc")));
        // Hibernate has no insert-or-nothing, so a Hibernate outbox on PostgreSQL would send this same SQL.
        variants.put("outbox: StatelessSession", id -> {
            NewDelivery delivery = delivery(id, "cost-ss");
            try (StatelessSession session = factory.openStatelessSession()) {
                session.createNativeMutationQuery(INSERT_OR_NOTHING)
                        .setParameter(1, delivery.deliveryId()).setParameter(2, delivery.subscriptionId())
                        .setParameter(3, delivery.team()).setParameter(4, delivery.kind())
                        .setParameter(5, delivery.dedupKey()).setParameter(6, delivery.metricId(), String.class)
                        .setParameter(7, delivery.url()).setParameter(8, delivery.body())
                        .setParameter(9, "PENDING").setParameter(10, delivery.createdAt(), Instant.class)
                        .setParameter(11, delivery.createdAt(), Instant.class).executeUpdate();
            }
        });

        // Write by write, each variant in turn (the order rotating), so a load that comes and goes on the machine
        // falls on every variant alike; the first round warms every path up and is not counted.
        List<String> names = new ArrayList<>(variants.keySet());
        Map<String, long[]> nanos = new LinkedHashMap<>();
        Map<String, Long> statements = new LinkedHashMap<>();
        names.forEach(name -> {
            nanos.put(name, new long[ROUNDS * WRITES]);
            statements.put(name, 0L);
        });
        for (int w = -WRITES; w < ROUNDS * WRITES; w++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(Math.floorMod(i + w, names.size()));
                String id = "c-" + serial.incrementAndGet() + "-" + System.nanoTime();
                long statementsBefore = factory.getStatistics().getPrepareStatementCount();
                long started = System.nanoTime();
                QuarkusTransaction.requiringNew().run(() -> {
                    entities.unwrap(Session.class); // the command's session, open for its views
                    variants.get(name).run(id);
                });
                long elapsed = System.nanoTime() - started;
                if (w >= 0) {
                    nanos.get(name)[w] = elapsed;
                    statements.merge(name, factory.getStatistics().getPrepareStatementCount() - statementsBefore,
                            Long::sum);
                }
            }
        }

        StringBuilder report = new StringBuilder("| variant | ms per 10k writes: median (min to max) of " + ROUNDS
                + " blocks of " + WRITES + " | per write: p50 / p90 ms | statements per write seen by Hibernate |\n"
                + "| --- | --- | --- | --- |\n");
        nanos.forEach((name, times) -> {
            List<Double> blocks = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                long sum = 0;
                for (int w = round * WRITES; w < (round + 1) * WRITES; w++) {
                    sum += times[w];
                }
                blocks.add(sum / 1e6 * 10_000 / WRITES);
            }
            List<Double> sortedBlocks = blocks.stream().sorted().toList();
            long[] sorted = times.clone();
            Arrays.sort(sorted);
            report.append(String.format("| %s | %.0f (%.0f to %.0f) | %.2f / %.2f | %.2f |%n", name,
                    sortedBlocks.get(sortedBlocks.size() / 2), sortedBlocks.get(0),
                    sortedBlocks.get(sortedBlocks.size() - 1), sorted[sorted.length / 2] / 1e6,
                    sorted[sorted.length * 9 / 10] / 1e6, statements.get(name) / (double) times.length));
        });
        System.out.println(report);
        Files.writeString(Path.of("target", "hot-path-stores-cost.md"), report);

        long expected = (long) (ROUNDS + 1) * WRITES;
        for (String caller : List.of("cost-jdbc", "cost-ss", "cost-em")) {
            assertThat(count("SELECT count(*) FROM idempotency_key WHERE caller = ?", caller)).isEqualTo(expected);
        }
        for (String subscription : List.of("cost-jdbc", "cost-ss")) {
            assertThat(count("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?", subscription))
                    .isEqualTo(expected);
        }
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static IdempotencyKeyRow keyRow(String caller, String id, IdempotencyStore.StoredAnswer answer,
                                            Instant now) {
        return new IdempotencyKeyRow(caller, id, answer.fingerprint(), now, answer.status(), answer.location(),
                answer.body());
    }

    private static NewDelivery delivery(String id, String subscription) {
        return new NewDelivery(id, subscription, "cost", "metric.deprioritized", "event:" + id, "m-1",
                "http://127.0.0.1:9/hook", BODY, Instant.now());
    }
}
