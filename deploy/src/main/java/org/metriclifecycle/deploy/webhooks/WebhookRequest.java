package org.metriclifecycle.deploy.webhooks;

import org.metriclifecycle.deploy.api.Text;

import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/teams/{team}/webhooks}. The team's stream checks the URL (http or https, a host, no
 * credentials), the format and the kinds, and answers a 400 naming the field, as for any command.
 *
 * @param format {@code json} (default) or {@code slack}
 * @param events wire names of the kinds to receive; absent means all of them
 */
public record WebhookRequest(
        @Text(min = 1, max = 2000) String url,
        @Text(max = 16) String format,
        @Size(max = 20) List<@Text(min = 1, max = 64) String> events) {
}
