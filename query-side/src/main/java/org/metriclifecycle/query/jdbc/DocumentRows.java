package org.metriclifecycle.query.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.persistence.PersistenceException;

/**
 * The one statement a command's projection runs to read its view row (a JSON document and the last sequence applied),
 * on the connection enlisted in the caller's transaction. Shared by the metric and the team stores.
 */
public final class DocumentRows {

    /** Makes a stored view from a row's document and last sequence. */
    @FunctionalInterface
    public interface Reader<V> {
        V read(String document, long lastSequence);
    }

    private DocumentRows() {
    }

    /**
     * @param sql a query of one key parameter selecting {@code document, last_sequence}
     * @param what names the row in the failure ("metric view m-1")
     */
    public static <V> Optional<V> find(DataSource rows, String sql, String key, String what, Reader<V> reader) {
        try (Connection connection = rows.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(reader.read(row.getString(1), row.getLong(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException(what + " not readable", e);
        }
    }
}
