package org.metriclifecycle.query.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Plain JDBC for the stores on the write path of every command (docs/design.md "The stores on the write path"): a
 * prepared statement, its parameters and its rows, on the given datasource. The read-model stores use it for a
 * command's own row, the service's idempotency and outbox stores for theirs. Inside a JTA transaction the connection
 * joins it; outside one each statement commits alone. A failed statement leaves the transaction as the database
 * leaves it (H2 carries on; PostgreSQL aborts it).
 * <p>
 * Parameters bind by their Java type; an {@link Instant} binds as a UTC {@code TIMESTAMP WITH TIME ZONE}, and a value
 * that may be null and must then carry its SQL type is {@link #typed(Object, int)}.
 */
public final class Sql {

    /** Maps the current row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** A statement that failed, with its cause: callers read {@link #sqlState()} to tell a taken key from an outage. */
    public static final class Failure extends IllegalStateException {
        Failure(String what, SQLException cause) {
            super(what + ": " + cause.getMessage(), cause);
        }

        /** The SQLSTATE of the first SQL exception in the chain that has one. */
        public String sqlState() {
            for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                    return sql.getSQLState();
                }
            }
            return null;
        }
    }

    private record Typed(Object value, int sqlType) {
    }

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A parameter that binds as a NULL of {@code sqlType} when {@code value} is null. */
    public static Object typed(Object value, int sqlType) {
        return new Typed(value, sqlType);
    }

    /** An instant column's value, null when SQL NULL. */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** An integer column's value, null when SQL NULL. */
    public static Integer integer(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    /** @return the update count */
    public int update(String what, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new Failure(what, e);
        }
    }

    public <T> List<T> list(String what, Row<T> mapper, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> mapped = new ArrayList<>();
            while (rows.next()) {
                mapped.add(mapper.map(rows));
            }
            return mapped;
        } catch (SQLException e) {
            throw new Failure(what, e);
        }
    }

    public <T> Optional<T> first(String what, Row<T> mapper, String sql, Object... parameters) {
        List<T> rows = list(what, mapper, sql, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                bind(statement, i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Typed typed) {
            if (typed.value() == null) {
                statement.setNull(index, typed.sqlType());
            } else {
                bind(statement, index, typed.value());
            }
        } else if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else {
            statement.setObject(index, value);
        }
    }
}
