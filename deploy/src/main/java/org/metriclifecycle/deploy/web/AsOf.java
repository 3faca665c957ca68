package org.metriclifecycle.deploy.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.metriclifecycle.deploy.api.InvalidRequestException;

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
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return new AsOf(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1), day);
            }
            Instant instant = Instant.parse(text);
            return new AsOf(instant, LocalDate.ofInstant(instant, ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("asOf", "must be a date YYYY-MM-DD or an ISO-8601 UTC instant");
        }
    }
}
