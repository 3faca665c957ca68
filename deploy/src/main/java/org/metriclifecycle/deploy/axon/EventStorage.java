package org.metriclifecycle.deploy.axon;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.metriclifecycle.deploy.audit.HashChainingStorageEngine;
import org.metriclifecycle.deploy.ops.ActiveDatabase;

/**
 * The event store: Axon's JDBC storage engine on the active datasource (schema by Flyway), in JTA transactions, with
 * every append also writing its streams' hash chain in the same transaction (SPEC "Security"). One bean, used by
 * Axon's repositories and by everything that reads a stream's history.
 */
@Singleton
class EventStorage {

    @Produces
    @Singleton
    TransactionManager axonTransactions(jakarta.transaction.TransactionManager jta) {
        return new JtaTransactionManager(jta);
    }

    @Produces
    @Singleton
    EventStore eventStore(ActiveDatabase database, TransactionManager transactions, AfterCommit afterCommit) {
        ConnectionProvider connections = new DataSourceConnectionProvider(database.dataSource());
        JdbcEventStorageEngine.Builder jdbc = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .eventSerializer(EventSerialization.serializer())
                .snapshotSerializer(EventSerialization.snapshotSerializer())
                // Without it a duplicate key on PostgreSQL is a generic EventStoreException, not a
                // ConcurrencyException.
                .persistenceExceptionResolver(new SQLStateResolver())
                .schema(schema())
                .dataType(byte[].class)
                .upcasterChain(new EventUpcasterChain(EventUpcasters.all()));
        return new StagingEventStore(EmbeddedEventStore.builder().storageEngine(new HashChainingStorageEngine(jdbc,
                connections, transactions, afterCommit, database.isPostgreSql())));
    }

    void close(@Disposes EventStore store) {
        if (store instanceof EmbeddedEventStore embedded) {
            embedded.shutDown();
        }
    }

    private static EventSchema schema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }
}
