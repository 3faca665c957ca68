package org.metriclifecycle.query.team.jpa;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.metriclifecycle.query.team.StoredTeamView;
import org.metriclifecycle.query.team.TeamView;
import org.metriclifecycle.query.team.TeamViewStore;

/**
 * Keeps team views in the {@code team_view} table as JSON documents (written with the view mapper, so durations
 * read back from their ISO-8601 text).
 * <p>
 * The entity manager is a transaction-scoped proxy; every method expects the caller's transaction to be active.
 */
public class JpaTeamViewStore implements TeamViewStore {

    private final EntityManager em;
    private final ObjectMapper json;

    public JpaTeamViewStore(EntityManager em, ObjectMapper json) {
        this.em = Objects.requireNonNull(em, "em");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public Optional<StoredTeamView> find(String team) {
        TeamViewEntity row = em.find(TeamViewEntity.class, team);
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredTeamView(read(row.getDocument()), row.getLastSequence()));
    }

    /** {@code SELECT ... FOR UPDATE}, as {@code JpaMetricViewStore.findForUpdate}. */
    @Override
    public Optional<StoredTeamView> findForUpdate(String team) {
        TeamViewEntity row = em.find(TeamViewEntity.class, team, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredTeamView(read(row.getDocument()), row.getLastSequence()));
    }

    @Override
    public void forget(String team) {
        em.createQuery("delete from TeamViewEntity t where t.team = :team").setParameter("team", team).executeUpdate();
    }

    @Override
    public void save(TeamView view, long lastSequence) {
        String document = write(view);
        TeamViewEntity row = em.find(TeamViewEntity.class, view.team());
        if (row == null) {
            em.persist(new TeamViewEntity(view.team(), lastSequence, document));
        } else {
            row.update(lastSequence, document);
        }
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
