package org.metriclifecycle.deploy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.deploy.ops.ProjectionRebuild;
import org.metriclifecycle.deploy.ops.PostgresCopy;
import org.metriclifecycle.query.metric.ViewJson;
import org.metriclifecycle.query.rebuild.EventStoreReads;
import org.metriclifecycle.query.rebuild.ProjectionRebuilder;
import org.metriclifecycle.query.rebuild.RebuildWriter;
import org.metriclifecycle.deploy.support.Api;
import org.metriclifecycle.deploy.support.PostgresProfile;

/**
 * How fast a rebuild goes with the default settings, against a raw scan and decode of the same rows in the same run
 * (the same JDBC pages and the same serializer and upcasters, no folding, no writing). The store: one metric of 10
 * events made through the API, copied {@value #STREAMS} times as rows (its id replaced in the payloads), inserted in
 * waves of 1,000 streams so that streams interleave in global order. Prints the figures (docs/operations.md "Backup and
 * restore"); asserts only that the copies were rebuilt right, not a speed.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ProjectionRebuildRateTest {

    private static final int STREAMS = Integer.getInteger("rebuild.rate.streams", 10_000);
    private static final int WAVE = 1_000;
    private static final String FAR_FUTURE = "2100-01-01T00:00:00Z";

    @Inject
    ActiveDatabase database;

    @Inject
    ProjectionRebuild rebuild;

    @Test
    void rebuildRateAgainstARawScanOfTheSameRows() throws Exception {
        Api.signInAs("ada");
        String team = Api.freshTeam();
        String seed = Api.propose(team, "ada");
        String hypothesis = Api.link(seed, "POSITIVE", 0.5, 10);
        for (int i = 0; i < 8; i++) {
            Api.correlate(seed, hypothesis, 0.1 * (i + 1), 20 + i);
        }
        long inserted = copy(seed);
        long events = countEvents();

        double rawFirst = rawScan();
        double[] missing = rebuildAndWait(); // through the API; the copies have no view rows yet: all inserted
        System.out.printf("REBUILD-RATE store=%d events (%d copied), raw scan+decode (cold)=%.0f events/s, rebuild"
                + " via the API (views missing, default settings)=%.0f events/s in %.1f s%n", events, inserted,
                rawFirst, missing[0], missing[1]);
        // Then the same rebuild run directly, every view row present (updated in place), multi-row INSERTs against
        // COPY for the new rows, each next to a raw scan: the machine is shared, so only neighbours compare.
        for (int round = 1; round <= 2; round++) {
            double raw = rawScan();
            double inserts = direct(RebuildWriter.MULTI_ROW_INSERTS);
            double copies = direct(new PostgresCopy());
            System.out.printf("REBUILD-RATE round %d: raw scan+decode=%.0f events/s, rebuild with multi-row INSERTs=%.0f"
                    + " events/s (%.2f of raw), with COPY=%.0f events/s (%.2f of raw)%n", round, raw, inserts,
                    inserts / raw, copies, copies / raw);
        }

        for (String copy : List.of("copy-0-" + seed, "copy-" + (STREAMS / 2) + "-" + seed,
                "copy-" + (STREAMS - 1) + "-" + seed)) {
            assertThat(given().get("/api/v1/metrics/" + copy).asString()).isEqualTo(
                    given().get("/api/v1/metrics/" + copy + "?asOf=" + FAR_FUTURE).asString().replace(seed, seed));
            assertThat(given().get("/api/v1/metrics/" + copy + "/history").<List<Object>>path("sequence")).hasSize(10);
        }
    }

    private double direct(RebuildWriter.Inserts inserts) throws Exception {
        long started = System.nanoTime();
        AtomicLong applied = new AtomicLong();
        new ProjectionRebuilder(() -> database.dataSource().getConnection(), rebuild, ViewJson.mapper(),
                ProjectionRebuilder.Settings.DEFAULT, inserts).run(new ProjectionRebuilder.Progress() {
                    @Override
                    public void started(long events) {
                    }

                    @Override
                    public void applied(long events, boolean extra) {
                        applied.addAndGet(events);
                    }
                });
        return applied.get() / ((System.nanoTime() - started) / 1e9);
    }

    private double[] rebuildAndWait() {
        given().contentType(ContentType.JSON).post(ProjectionRebuildScenario.REBUILD).then().statusCode(202);
        ProjectionRebuildScenario.awaitIdle();
        Response status = given().get(ProjectionRebuildScenario.REBUILD);
        assertThat(status.<String>path("error")).isNull();
        double perSecond = ((Number) status.path("eventsPerSecond")).doubleValue();
        double applied = ((Number) status.path("eventsApplied")).doubleValue();
        return new double[]{perSecond, applied / perSecond};
    }

    /** The rebuild's own reads, page by page, without folding or writing. */
    private double rawScan() throws Exception {
        long started = System.nanoTime();
        long count = 0;
        try (Connection connection = database.dataSource().getConnection()) {
            EventStoreReads.Head head = rebuild.head(connection);
            long after = Long.MIN_VALUE;
            while (after < head.globalIndex()) {
                EventStoreReads.Page page = rebuild.page(connection, after, head.globalIndex(), 5_000);
                if (page.events().isEmpty()) {
                    break;
                }
                count += page.events().size();
                after = page.lastGlobalIndex();
            }
        }
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private long countEvents() throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             ResultSet row = connection.createStatement().executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
            row.next();
            return row.getLong(1);
        }
    }

    private long copy(String seed) throws Exception {
        List<Object[]> stream = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT sequence_number, type, meta_data,"
                     + " payload, payload_revision, payload_type, time_stamp FROM domain_event_entry"
                     + " WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            select.setString(1, seed);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stream.add(new Object[]{rows.getLong(1), rows.getString(2), rows.getBytes(3),
                            new String(rows.getBytes(4), StandardCharsets.UTF_8), rows.getString(5),
                            rows.getString(6), rows.getString(7)});
                }
            }
        }
        assertThat(stream).hasSize(10);
        String tuple = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
        long inserted = 0;
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            for (int wave = 0; wave < STREAMS; wave += WAVE) {
                int streams = Math.min(WAVE, STREAMS - wave);
                String sql = "INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type,"
                        + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) VALUES "
                        + String.join(", ", Collections.nCopies(streams, tuple));
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    for (Object[] event : stream) {
                        int index = 1;
                        for (int s = wave; s < wave + streams; s++) {
                            String copy = "copy-" + s + "-" + seed;
                            insert.setString(index++, copy);
                            insert.setLong(index++, (Long) event[0]);
                            insert.setString(index++, (String) event[1]);
                            insert.setString(index++, UUID.randomUUID().toString());
                            insert.setBytes(index++, (byte[]) event[2]);
                            insert.setBytes(index++, ((String) event[3]).replace(seed, copy)
                                    .getBytes(StandardCharsets.UTF_8));
                            insert.setString(index++, (String) event[4]);
                            insert.setString(index++, (String) event[5]);
                            insert.setString(index++, (String) event[6]);
                        }
                        inserted += insert.executeUpdate();
                    }
                }
                connection.commit();
            }
        }
        return inserted;
    }
}
