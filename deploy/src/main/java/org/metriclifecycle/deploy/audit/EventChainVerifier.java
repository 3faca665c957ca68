package org.metriclifecycle.deploy.audit;

import org.metriclifecycle.deploy.ops.ActiveDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Recomputes a stream's hash chain from its stored events, oldest first, and reports the first place where the
 * events and {@code event_chain} disagree. Works on any stream: a metric's or a team's ({@code team:<slug>}).
 */
@Singleton
public class EventChainVerifier {

    public static final String HASH_MISMATCH = "hash mismatch";
    public static final String MISSING_CHAIN_ENTRY = "missing chain entry";
    public static final String NOT_LINKED = "previous hash does not link";
    public static final String EVENT_MISSING = "event missing";
    /** The stored events chain to another head than a signed checkpoint lists: rewritten and recomputed. */
    public static final String HEAD_DIFFERS = "head differs from the checkpoint";

    // One statement, so both tables are read from the same snapshot: an append committing between two separate
    // reads would look like a missing chain entry (or a missing event).
    private static final String READ_STREAM = "SELECT 0 AS kind, " + StoredEvent.COLUMNS
            + ", NULL AS previous_hash, NULL AS hash FROM domain_event_entry WHERE aggregate_identifier = ?"
            + " UNION ALL SELECT 1 AS kind, aggregate_identifier, sequence_number, NULL, NULL, NULL, NULL, NULL,"
            + " previous_hash, hash FROM event_chain WHERE aggregate_identifier = ?"
            + " ORDER BY sequence_number, kind";

    private final ActiveDatabase database;

    @Inject
    EventChainVerifier(ActiveDatabase database) {
        this.database = database;
    }

    /** Empty when the database holds neither events nor chain entries for the stream. */
    public Optional<ChainVerification> verify(String aggregateIdentifier) {
        TreeMap<Long, StoredEvent> events = new TreeMap<>();
        TreeMap<Long, Link> links = new TreeMap<>();
        read(aggregateIdentifier, events, links);
        if (events.isEmpty() && links.isEmpty()) {
            return Optional.empty();
        }
        long last = Math.max(events.isEmpty() ? -1 : events.lastKey(), links.isEmpty() ? -1 : links.lastKey());
        return Optional.of(walk(events, links, last));
    }

    /**
     * Whether the stream still holds, up to {@code sequence}, the events whose chain ended in {@code signedHash}
     * (a signed checkpoint's head): the chain is recomputed from the stored events alone, so an attacker who
     * rewrote an event and every link after it still ends at another head. Later events are not this check's
     * business ({@link #verify} covers them).
     *
     * @return the first break, or empty when the stream holds exactly those events
     */
    public Optional<ChainVerification.Break> verifyHead(String aggregateIdentifier, long sequence, String signedHash) {
        TreeMap<Long, StoredEvent> events = new TreeMap<>();
        TreeMap<Long, Link> links = new TreeMap<>();
        read(aggregateIdentifier, events, links);
        ChainVerification walked = walk(events, links, sequence);
        if (!walked.intact()) {
            return Optional.of(walked.brokenAt());
        }
        return signedHash.equals(walked.head()) ? Optional.empty()
                : Optional.of(new ChainVerification.Break(sequence, HEAD_DIFFERS));
    }

    /** The chain from sequence 0 to {@code last}; the head is the hash recomputed from the events. */
    private static ChainVerification walk(TreeMap<Long, StoredEvent> events, TreeMap<Long, Link> links, long last) {
        String previous = EventHash.GENESIS;
        String head = null;
        for (long sequence = 0; sequence <= last; sequence++) {
            StoredEvent event = events.get(sequence);
            String hash = event == null ? null : EventHash.of(previous, event);
            String problem = problem(event, links.get(sequence), previous, hash);
            if (problem != null) {
                return new ChainVerification(events.size(), head, new ChainVerification.Break(sequence, problem));
            }
            // Recomputed (and equal to the stored link), so a head found here needs no trust in event_chain.
            previous = hash;
            head = hash;
        }
        return new ChainVerification(events.size(), head, null);
    }

    private static String problem(StoredEvent event, Link link, String previous, String hash) {
        if (event == null) {
            return EVENT_MISSING;
        }
        if (link == null) {
            return MISSING_CHAIN_ENTRY;
        }
        if (!previous.equals(link.previousHash())) {
            return NOT_LINKED;
        }
        return hash.equals(link.hash()) ? null : HASH_MISMATCH;
    }

    private void read(String aggregateIdentifier, TreeMap<Long, StoredEvent> events, TreeMap<Long, Link> links) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(READ_STREAM)) {
            query.setString(1, aggregateIdentifier);
            query.setString(2, aggregateIdentifier);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    long sequence = row.getLong("sequence_number");
                    if (row.getInt("kind") == 0) {
                        events.put(sequence, StoredEvent.read(row));
                    } else {
                        links.put(sequence, new Link(row.getString("previous_hash"), row.getString("hash")));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event stream of " + aggregateIdentifier, e);
        }
    }

    private record Link(String previousHash, String hash) {
    }
}
