package org.metriclifecycle.query.team.jpa;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.metriclifecycle.query.jdbc.Sql;
import org.metriclifecycle.query.team.StoredTeamView;
import org.metriclifecycle.query.team.TeamView;
import org.metriclifecycle.query.team.TeamViewStore;

/**
 * Keeps team views in the {@code team_view} table as JSON documents (written with the view mapper, so durations
 * read back from their ISO-8601 text).
 * <p>
 * A command's read, lock and write of its team's row are plain JDBC on the transaction's connection, as the metric
 * store's are: one statement each, none of Hibernate's entity bookkeeping. Every method expects the caller's
 * transaction to be active; the entity manager is a transaction-scoped proxy and the data source hands out the
 * connection enlisted in that transaction.
 */
public class JpaTeamViewStore implements TeamViewStore {

    private static final String SELECT_ROW = "SELECT document, last_sequence FROM team_view WHERE team = ?";
    private static final int REMEMBERED = 1024;

    private final EntityManager em;
    private final ObjectMapper json;
    private final Sql sql;
    /**
     * The last row read or written per team (document, parsed view, sequence): a document already parsed is not
     * parsed again, and {@link #saveIfStill} writes over it only while the row still holds it.
     */
    private final Map<String, Remembered> remembered = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                    return size() > REMEMBERED;
                }
            });

    private record Remembered(String document, TeamView view, long lastSequence) {
    }

    public JpaTeamViewStore(EntityManager em, ObjectMapper json, DataSource rows) {
        this.em = Objects.requireNonNull(em, "em");
        this.json = Objects.requireNonNull(json, "json");
        this.sql = new Sql(Objects.requireNonNull(rows, "rows"));
    }

    @Override
    public Optional<StoredTeamView> find(String team) {
        return row(team, SELECT_ROW);
    }

    /** {@code SELECT ... FOR UPDATE}, as {@code JpaMetricViewStore.findForUpdate}. */
    @Override
    public Optional<StoredTeamView> findForUpdate(String team) {
        return row(team, SELECT_ROW + " FOR UPDATE");
    }

    private Optional<StoredTeamView> row(String team, String query) {
        return sql.first("team view " + team + " not readable",
                row -> new StoredTeamView(parsed(team, row.getString(1), row.getLong(2)), row.getLong(2)), query, team);
    }

    private TeamView parsed(String team, String document, long lastSequence) {
        Remembered known = remembered.get(team);
        TeamView view = known != null && known.document().equals(document) ? known.view() : read(document);
        remembered.put(team, new Remembered(document, view, lastSequence));
        return view;
    }

    @Override
    public Optional<StoredTeamView> lastKnown(String team) {
        Remembered known = remembered.get(team);
        return known == null ? Optional.empty() : Optional.of(new StoredTeamView(known.view(), known.lastSequence()));
    }

    /** {@code UPDATE ... WHERE last_sequence = ? AND document = ?}, as {@code JpaMetricViewStore.saveIfStill}. */
    @Override
    public boolean saveIfStill(StoredTeamView expected, TeamView view, long lastSequence) {
        Remembered known = remembered.get(view.team());
        if (known == null || known.view() != expected.view() || known.lastSequence() != expected.lastSequence()) {
            return false;
        }
        String document = write(view);
        if (sql.update("team view " + view.team() + " not written", "UPDATE team_view SET last_sequence = ?,"
                        + " document = ? WHERE team = ? AND last_sequence = ? AND document = ?", lastSequence, document,
                view.team(), known.lastSequence(), known.document()) == 0) {
            return false;
        }
        remembered.put(view.team(), new Remembered(document, view, lastSequence));
        return true;
    }

    @Override
    public void forget(String team) {
        em.createQuery("delete from TeamViewEntity t where t.team = :team").setParameter("team", team).executeUpdate();
        remembered.remove(team);
    }

    /** An UPDATE, or an INSERT for a stream's first event or a view that is missing. */
    @Override
    public void save(TeamView view, long lastSequence) {
        String document = write(view);
        String what = "team view " + view.team() + " not written";
        int updated = lastSequence > 0 ? sql.update(what,
                "UPDATE team_view SET last_sequence = ?, document = ? WHERE team = ?", lastSequence, document,
                view.team()) : 0;
        if (updated == 0) {
            sql.update(what, "INSERT INTO team_view (team, last_sequence, document) VALUES (?, ?, ?)", view.team(),
                    lastSequence, document);
        }
        remembered.put(view.team(), new Remembered(document, view, lastSequence));
    }

    @Override
    public OptionalLong lastAppliedSequence(String team) {
        // A scalar query, not find(): a caller polling for the projection to catch up must see the database.
        List<Long> sequences = em.createQuery(
                        "select t.lastSequence from TeamViewEntity t where t.team = :team", Long.class)
                .setParameter("team", team)
                .getResultList();
        return sequences.isEmpty() ? OptionalLong.empty() : OptionalLong.of(sequences.get(0));
    }

    private TeamView read(String document) {
        try {
            return json.readValue(document, TeamView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable team view document", e);
        }
    }

    private String write(TeamView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("team view not writable as JSON", e);
        }
    }
}
