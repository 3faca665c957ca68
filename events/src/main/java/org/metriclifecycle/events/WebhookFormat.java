package org.metriclifecycle.events;

import java.util.Arrays;
import java.util.Optional;

/** The shape of a webhook's body: the service's own JSON document, or a Slack-compatible {@code {"text": ...}}. */
public enum WebhookFormat {
    JSON("json"),
    SLACK("slack");

    private final String wireName;

    WebhookFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookFormat> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(format -> format.wireName.equals(wireName)).findFirst();
    }
}
