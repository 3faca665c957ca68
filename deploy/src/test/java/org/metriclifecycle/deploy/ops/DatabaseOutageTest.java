package org.metriclifecycle.deploy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is out of reach" (503, retry) rather than a fault of the service (500). */
class DatabaseOutageTest {

    @Test
    void connectionFailuresHoweverWrappedAreUnavailability() {
        assertThat(DatabaseOutage.causes(new EventStoreException("Failed to obtain a database connection",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001")))).isTrue();
        assertThat(DatabaseOutage.causes(new IllegalStateException("could not commit",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseOutage.causes(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(DatabaseOutage.causes(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))))
                .isTrue();
        assertThat(DatabaseOutage.causes(new RuntimeException(new ConnectException("Connection refused"))))
                .isTrue();
        SQLException batch = new SQLException("batch failed", "XX000");
        batch.setNextException(new SQLException("An I/O error occurred", "08006"));
        assertThat(DatabaseOutage.causes(new RuntimeException(batch))).isTrue();
        RuntimeException suppressing = new RuntimeException("rollback failed too");
        suppressing.addSuppressed(new SQLException("This connection has been closed.", "08003"));
        assertThat(DatabaseOutage.causes(suppressing)).isTrue();
    }

    @Test
    void aConnectionRefusedToAnAlreadyRolledBackTransactionIsUnavailability() {
        assertThat(DatabaseOutage.causes(new EventStoreException("Failed to obtain a database connection",
                new SQLException("Exception in association of connection to existing transaction",
                        new IllegalStateException("wrapper", new jakarta.transaction.RollbackException(
                                "Cannot register synchronization because the transaction is in aborted state"))))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseOutage.causes(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseOutage.causes(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseOutage.causes(new IllegalStateException("a bug"))).isFalse();
        RuntimeException loop = new RuntimeException("self-caused");
        assertThat(DatabaseOutage.causes(loop)).isFalse();
    }
}
