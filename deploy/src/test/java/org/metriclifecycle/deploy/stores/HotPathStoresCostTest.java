package org.metriclifecycle.deploy.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.api.IdempotencyKeyEntity;
import org.metriclifecycle.deploy.api.IdempotencyStore;
import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.deploy.support.PostgresProfile;
import org.metriclifecycle.deploy.webhooks.NewDelivery;
import org.metriclifecycle.deploy.webhooks.WebhookDeliveries;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * What Hibernate costs the two stores on every command's write path (docs/design.md "The stores on the write path"):
 * the stores as they are (stateless sessions) against the plain JDBC statements they ran before and, for the keys,
 * the transaction's EntityManager; each write its own transaction, the variants interleaved round by round in one
 * run. Every transaction first opens the Hibernate session, as a command's does for its views, so only the store's
 * own work differs. Prints the figures (-Dstores.cost.writes=2000 for the ones in the design notes); asserts only
 * that every variant wrote its rows, not a speed.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class HotPathStoresCostTest {

    private static final int WRITES = Integer.getInteger("stores.cost.writes", 200);
    private static final int ROUNDS = Integer.getInteger("stores.cost.rounds", 5);
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
        SessionFactory factory = database.sessionFactory();
        factory.getStatistics().setStatisticsEnabled(true);
        IdempotencyStore.StoredAnswer answer = new IdempotencyStore.StoredAnswer("f".repeat(64), 201,
                "/api/v1/metrics/m-1", "{\"metricId\":\"m-1\",\"status\":\"PROPOSED\"}");
        Map<String, Write> variants = new LinkedHashMap<>();
        variants.put("idempotency: plain JDBC (the store before)", id -> jdbcKey("cost-jdbc", id, answer));
        variants.put("idempotency: StatelessSession (the store now)", id -> keys.store("cost-ss", id, answer));
        variants.put("idempotency: EntityManager", id -> {
            Instant now = Instant.now();
            entities.createQuery("DELETE FROM IdempotencyKeyEntity k WHERE k.caller = :caller"
                            + " AND k.idempotencyKey = :key AND k.createdAt < :cutoff")
                    .setParameter("caller", "cost-em").setParameter("key", id)
                    .setParameter("cutoff", now.minusSeconds(86_400)).executeUpdate();
            entities.persist(new IdempotencyKeyEntity("cost-em", id, answer, now));
            entities.flush(); // a taken key must fail here, inside the store, as it does in the others
        });
        variants.put("outbox: plain JDBC (the store before)", id -> jdbcDelivery(delivery(id, "cost-jdbc")));
        variants.put("outbox: StatelessSession (the store now)", id -> deliveries.enqueue(delivery(id, "cost-ss")));

        Map<String, List<Double>> msPer10k = new LinkedHashMap<>();
        Map<String, Double> hibernateStatements = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(variants.keySet());
        for (int round = -1; round < ROUNDS; round++) { // round -1 warms every path up and is not counted
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(Math.floorMod(i + round, names.size()));
                long statementsBefore = factory.getStatistics().getPrepareStatementCount();
                long started = System.nanoTime();
                for (int w = 0; w < WRITES; w++) {
                    String id = "c-" + serial.incrementAndGet() + "-" + System.nanoTime();
                    QuarkusTransaction.requiringNew().run(() -> {
                        entities.unwrap(Session.class); // the command's session, open for its views
                        variants.get(name).run(id);
                    });
                }
                long elapsed = System.nanoTime() - started;
                if (round >= 0) {
                    msPer10k.computeIfAbsent(name, n -> new ArrayList<>()).add(elapsed / 1e6 * 10_000 / WRITES);
                    hibernateStatements.put(name,
                            (factory.getStatistics().getPrepareStatementCount() - statementsBefore) / (double) WRITES);
                }
            }
        }

        StringBuilder report = new StringBuilder("| variant | ms per 10k writes: median (min to max of " + ROUNDS
                + " rounds of " + WRITES + ") | statements per write seen by Hibernate |\n| --- | --- | --- |\n");
        msPer10k.forEach((name, times) -> {
            List<Double> sorted = times.stream().sorted().toList();
            report.append(String.format("| %s | %.0f (%.0f to %.0f) | %.2f |%n", name, sorted.get(sorted.size() / 2),
                    sorted.get(0), sorted.get(sorted.size() - 1), hibernateStatements.get(name)));
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

    /** The statements IdempotencyStore ran before it moved to Hibernate, bound the same way. */
    private void jdbcKey(String caller, String key, IdempotencyStore.StoredAnswer answer) {
        Instant now = Instant.now();
        try (Connection connection = database.dataSource().getConnection()) {
            try (PreparedStatement expired = connection.prepareStatement(
                    "DELETE FROM idempotency_key WHERE caller = ? AND idempotency_key = ? AND created_at < ?")) {
                expired.setString(1, caller);
                expired.setString(2, key);
                expired.setTimestamp(3, Timestamp.from(now.minusSeconds(86_400)));
                expired.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO idempotency_key (caller, idempotency_key, fingerprint, created_at, status, location,"
                            + " body) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, caller);
                insert.setString(2, key);
                insert.setString(3, answer.fingerprint());
                insert.setTimestamp(4, Timestamp.from(now));
                insert.setInt(5, answer.status());
                insert.setString(6, answer.location());
                insert.setString(7, answer.body());
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statement WebhookDeliveries ran before it moved to Hibernate (its PostgreSQL form). */
    private void jdbcDelivery(NewDelivery delivery) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("INSERT INTO webhook_delivery (delivery_id,"
                     + " subscription_id, team, kind, dedup_key, metric_id, url, body, status, attempts,"
                     + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"
                     + " ON CONFLICT (subscription_id, dedup_key) DO NOTHING")) {
            statement.setString(1, delivery.deliveryId());
            statement.setString(2, delivery.subscriptionId());
            statement.setString(3, delivery.team());
            statement.setString(4, delivery.kind());
            statement.setString(5, delivery.dedupKey());
            statement.setString(6, delivery.metricId());
            statement.setString(7, delivery.url());
            statement.setString(8, delivery.body());
            statement.setString(9, "PENDING");
            statement.setObject(10, OffsetDateTime.ofInstant(delivery.createdAt(), ZoneOffset.UTC));
            statement.setObject(11, OffsetDateTime.ofInstant(delivery.createdAt(), ZoneOffset.UTC));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NewDelivery delivery(String id, String subscription) {
        return new NewDelivery(id, subscription, "cost", "metric.deprioritized", "event:" + id, "m-1",
                "http://127.0.0.1:9/hook", BODY, Instant.now());
    }
}
