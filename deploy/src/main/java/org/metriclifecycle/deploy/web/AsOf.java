package org.metriclifecycle.deploy.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.metriclifecycle.deploy.api.QueryParameters;

/**
 * The detail page's {@code ?asOf=}: a date means the metric as it stood at the end of that day (UTC), which is what
 * a person picking a day in the date control expects; an instant is taken as it is, like the API's.
 *
 * @param instant the last instant included
 * @param day     the day the control shows
 */
public record AsOf(Instant instant, LocalDate day) {

    public static AsOf parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = QueryParameters.pointInTime("asOf", value);
        return new AsOf(instant, LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }
}
