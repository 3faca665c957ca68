package org.metriclifecycle.deploy.webhooks;

import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.deploy.security.SecretCipher;
import org.metriclifecycle.deploy.security.SecretKeyring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The {@code webhook_secret} table: the only place a signing secret is kept, sealed with the key of
 * {@code metrics.secrets.key-file} ({@link SecretCipher}; the database never holds the key). Joins the caller's
 * transaction (the one that also stores the subscription's event), or reads in one of its own.
 */
@Singleton
public class WebhookSecretStore {

    private final EntityManager entities;
    private final SecretCipher cipher;

    @Inject
    WebhookSecretStore(ActiveDatabase database, SecretKeyring keys) {
        this.entities = database.entityManager();
        this.cipher = keys.cipher();
    }

    /** The secret of a subscription in force, opened; empty once it is unsubscribed. */
    public Optional<String> find(String subscriptionId) {
        return QuarkusTransaction.joiningExisting().call(() ->
                Optional.ofNullable(entities.find(WebhookSecretEntity.class, subscriptionId))
                        .map(row -> open(subscriptionId, row.storedSecret())));
    }

    /** A stored value as the sender needs it; null stays null (the subscription was removed). */
    String open(String subscriptionId, String stored) {
        return stored == null ? null : cipher.open(subscriptionId, stored);
    }

    /**
     * Seals the rows stored in plain text before secrets were encrypted, and opens every sealed one: run on start,
     * so a wrong key stops the service there rather than leaving every delivery unsigned. Idempotent: a sealed row is
     * left as it is, and a plain one is only replaced while it still holds the plain value (another instance may be
     * starting too).
     *
     * @return how many rows it sealed
     */
    public int sealPlainRows() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<WebhookSecretEntity> rows = entities.createQuery(
                    "SELECT s FROM WebhookSecretEntity s ORDER BY s.subscriptionId", WebhookSecretEntity.class)
                    .getResultList();
            int sealed = 0;
            for (WebhookSecretEntity row : rows) {
                String id = row.subscriptionId();
                String stored = row.storedSecret();
                if (SecretCipher.sealed(stored)) {
                    cipher.open(id, stored);
                    continue;
                }
                sealed += entities.createQuery("UPDATE WebhookSecretEntity s SET s.secret = :sealed"
                                + " WHERE s.subscriptionId = :id AND s.secret = :plain")
                        .setParameter("sealed", cipher.seal(id, stored))
                        .setParameter("id", id)
                        .setParameter("plain", stored)
                        .executeUpdate();
            }
            return sealed;
        });
    }

    void insert(String subscriptionId, String team, String secret, Instant createdAt) {
        QuarkusTransaction.joiningExisting().run(() -> entities.persist(
                new WebhookSecretEntity(subscriptionId, team, cipher.seal(subscriptionId, secret), createdAt)));
    }

    void delete(String subscriptionId) {
        QuarkusTransaction.joiningExisting().run(() -> entities.createQuery(
                        "DELETE FROM WebhookSecretEntity s WHERE s.subscriptionId = :id")
                .setParameter("id", subscriptionId)
                .executeUpdate());
    }
}
