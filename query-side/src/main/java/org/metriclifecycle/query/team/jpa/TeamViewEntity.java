package org.metriclifecycle.query.team.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code team_view}: the team's slug beside its whole view as a JSON document. Flyway owns the table, so
 * lengths here only mirror its DDL (TEXT columns have none).
 */
@Entity
@Table(name = "team_view")
public class TeamViewEntity {

    @Id
    @Column(name = "team", length = 64, nullable = false)
    private String team;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    @Column(name = "document", nullable = false)
    private String document;

    protected TeamViewEntity() {
        // for JPA
    }

    public String getTeam() {
        return team;
    }

    public long getLastSequence() {
        return lastSequence;
    }

    public String getDocument() {
        return document;
    }
}
