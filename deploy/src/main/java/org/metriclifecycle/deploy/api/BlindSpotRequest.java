package org.metriclifecycle.deploy.api;


/** Body of {@code POST /api/v1/metrics/{metricId}/blind-spots}: a production failure the metric did not catch. */
public record BlindSpotRequest(
        @Text(min = 1, max = 200) String failureMode,
        @Text(min = 1, max = 4000) String description,
        @Text(max = 200) String incidentRef) {
}
