package org.metriclifecycle.deploy.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The service's log records of ERROR level (JUL SEVERE, which JBoss Logging's ERROR maps to) while it is open: a
 * client's mistake must not log one (SPEC "Security": no stack trace for bad input).
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final Logger root = LogManager.getLogManager().getLogger("");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(record.getLoggerName() + ": " + record.getMessage()
                        + (record.getThrown() == null ? "" : " (" + record.getThrown() + ")"));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() {
        root.removeHandler(handler);
    }
}
