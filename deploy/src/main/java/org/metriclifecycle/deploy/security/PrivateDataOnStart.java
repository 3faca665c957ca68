package org.metriclifecycle.deploy.security;

import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.deploy.ops.DatabaseSelection;
import org.metriclifecycle.deploy.webhooks.WebhookSecretStore;

import java.nio.file.Path;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Secrets at rest, on start and before anything sends or serves (SPEC "Security"): the embedded default's data
 * directory and its files readable by the service's user alone, and webhook secrets sealed with the key file.
 * <p>
 * H2 creates its files with the process's umask (usually 0644 in a 0755 directory), and Java cannot change the umask
 * nor ask H2 for a mode. So the directory and what is in it are tightened here, right after Flyway opened the
 * database: on the very first start the database holds only the empty schema until then (no event, no secret), and
 * every file H2 makes later lands in a directory nobody else can enter. The key files are made 0600 from the start.
 */
@Singleton
public class PrivateDataOnStart {

    private static final Logger LOG = Logger.getLogger(PrivateDataOnStart.class);

    private final ActiveDatabase database;
    private final WebhookSecretStore secrets;
    private final Path dataDirectory;

    @Inject
    PrivateDataOnStart(ActiveDatabase database, WebhookSecretStore secrets,
                       @ConfigProperty(name = DatabaseSelection.DATA_DIR, defaultValue = "data") Path dataDirectory) {
        this.database = database;
        this.secrets = secrets;
        this.dataDirectory = dataDirectory;
    }

    /** Before the webhook sender and the deadlines start (default observer priority). */
    void start(@Observes @Priority(10) StartupEvent started) {
        if (!database.isPostgreSql()) {
            PrivateFiles.restrictTree(dataDirectory);
        }
        int sealed = sealPlainSecrets();
        if (sealed > 0) {
            LOG.infof("sealed %d webhook secret(s) stored in plain text before encryption at rest", sealed);
        }
    }

    /** One transaction: all plain rows sealed, or none. */
    public int sealPlainSecrets() {
        return QuarkusTransaction.requiringNew().call(secrets::sealPlainRows);
    }
}
