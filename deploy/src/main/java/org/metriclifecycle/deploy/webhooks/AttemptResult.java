package org.metriclifecycle.deploy.webhooks;

/**
 * What one attempt got back.
 *
 * @param statusCode the receiver's HTTP status, null when none came (refused, unreachable, timed out)
 * @param error      why the attempt failed, null when it succeeded
 */
public record AttemptResult(Integer statusCode, String error) {

    static final int MAX_ERROR_LENGTH = 500;

    public AttemptResult {
        if (error != null && error.length() > MAX_ERROR_LENGTH) {
            error = error.substring(0, MAX_ERROR_LENGTH);
        }
    }

    public static AttemptResult answered(int statusCode) {
        return new AttemptResult(statusCode, isSuccess(statusCode) ? null : "HTTP " + statusCode);
    }

    public static AttemptResult failed(String error) {
        return new AttemptResult(null, error);
    }

    public boolean delivered() {
        return statusCode != null && isSuccess(statusCode);
    }

    private static boolean isSuccess(int statusCode) {
        return statusCode >= 200 && statusCode < 300;
    }
}
