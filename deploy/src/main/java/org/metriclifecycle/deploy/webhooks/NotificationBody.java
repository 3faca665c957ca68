package org.metriclifecycle.deploy.webhooks;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.metriclifecycle.events.WebhookFormat;
import org.metriclifecycle.query.metric.ViewJson;

/**
 * The bytes a subscription receives. Rendered once, when the delivery is enqueued, and stored: every retry sends
 * (and signs) exactly the same body.
 */
public final class NotificationBody {

    /** Views' JSON conventions: instants as ISO-8601 UTC text with milliseconds. */
    private static final ObjectMapper JSON = ViewJson.mapper();

    /** The service's own document; {@code deliveryId} inside the signed body lets a receiver drop duplicates. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Document(String deliveryId, String kind, String team, String metricId, Instant occurredAt, String summary,
                    Map<String, Object> data) {
    }

    /** Slack's incoming-webhook shape (also understood by Mattermost, Rocket.Chat and Teams' Slack connector). */
    record SlackMessage(String text) {
    }

    private NotificationBody() {
    }

    public static String render(Notification notification, String deliveryId, WebhookFormat format) {
        Object body = switch (format) {
            case SLACK -> new SlackMessage(slackEscaped(notification.summary()));
            case JSON -> new Document(deliveryId, notification.kind().wireName(), notification.team(),
                    notification.metricId(), notification.occurredAt(), notification.summary(), notification.data());
        };
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification not writable as JSON", e);
        }
    }

    /** Slack reads {@code &}, {@code <} and {@code >} as markup; everything else is shown as sent. */
    static String slackEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
