package org.metriclifecycle.command.team;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a webhook's target must look like: an absolute http or https URL naming a host, with no credentials in it
 * (they would be stored in the team's stream for good, and shown to everyone who lists the subscriptions).
 */
public final class WebhookUrl {

    public static final int MAX_LENGTH = 2000;

    private WebhookUrl() {
    }

    /** @return why {@code url} is refused, or empty when it is acceptable */
    public static Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return Optional.of("must be an absolute http or https URL");
        }
        // A raw authority with '@' is user info even where URI gives up parsing it as a server authority.
        String authority = uri.getRawAuthority();
        if (uri.getRawUserInfo() != null || (authority != null && authority.contains("@"))) {
            return Optional.of("must not carry credentials (user:password@); the signature authenticates deliveries");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        // URI takes any digits as a port; 99999 would be stored and then fail on every delivery.
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            return Optional.of("must have a port from 1 to 65535");
        }
        return Optional.empty();
    }
}
