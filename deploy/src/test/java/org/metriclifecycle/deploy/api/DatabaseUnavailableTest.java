package org.metriclifecycle.deploy.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** A failure because the database is out of reach is answered 503, as a problem, with Retry-After. */
class DatabaseUnavailableTest {

    @Test
    void theAnswerIsA503ProblemWithRetryAfter() {
        Response answer = DatabaseUnavailable.problem(new SQLException("down", "08001"), "/api/v1/metrics");
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(((Problem) answer.getEntity()).type()).isEqualTo("urn:metric-lifecycle:problem:database-unavailable");
    }
}
