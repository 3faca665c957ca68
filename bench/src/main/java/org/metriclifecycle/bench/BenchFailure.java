package org.metriclifecycle.bench;

/** Something the person running the bench must fix (or read about); its message says what. */
final class BenchFailure extends RuntimeException {

    BenchFailure(String message) {
        super(message);
    }

    BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
