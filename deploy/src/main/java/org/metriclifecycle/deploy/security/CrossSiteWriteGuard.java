package org.metriclifecycle.deploy.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.ForbiddenException;

/**
 * Writes a browser could be tricked into sending from another site are refused before anything else looks at them
 * (SPEC "Security"). With HTTP Basic the browser adds the credentials by itself, so a forged cross-site request would
 * otherwise act as the victim: a write must carry its body as {@code application/json} (an HTML form cannot send
 * that without a CORS preflight), and a write whose {@code Origin} names another site than the service's own or an
 * allowed one ({@code quarkus.http.cors.origins}), or that the browser marks {@code Sec-Fetch-Site: cross-site}, is
 * answered 403. Clients that are not browsers send neither header and are not affected.
 */
public class CrossSiteWriteGuard {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final List<String> allowedOrigins = ConfigProvider.getConfig()
            .getOptionalValues("quarkus.http.cors.origins", String.class).orElse(List.of()).stream()
            .map(CrossSiteWriteGuard::normalized).toList();

    @ServerRequestFilter
    public void guard(ContainerRequestContext request, UriInfo uri) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (!WRITES.contains(method) || !uri.getPath().startsWith("/api/")) {
            return;
        }
        if ("cross-site".equalsIgnoreCase(request.getHeaderString("Sec-Fetch-Site"))) {
            throw new ForbiddenException("a write from another site is refused (Sec-Fetch-Site: cross-site)");
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !origin.isBlank()) {
            String normalized = normalized(origin);
            if (!normalized.equals(normalized(uri.getBaseUri().toString())) && !allowedOrigins.contains(normalized)) {
                throw new ForbiddenException("a write from origin " + origin.strip() + " is refused: only this "
                        + "service's own origin and the configured ones (quarkus.http.cors.origins) may write");
            }
        }
        if (WITH_BODY.contains(method) && hasBody(request) && !isJson(request.getMediaType())) {
            throw new NotSupportedException("the body must be application/json");
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null
                || (length != null && !length.strip().equals("0"))
                || request.getMediaType() != null;
    }

    private static boolean isJson(MediaType type) {
        return type != null && type.getType().equalsIgnoreCase("application")
                && type.getSubtype().equalsIgnoreCase("json");
    }

    /** scheme://host[:port], lower case, the default port left out: how browsers write an Origin. */
    private static String normalized(String origin) {
        try {
            URI parsed = URI.create(origin.strip());
            if (parsed.getScheme() == null || parsed.getHost() == null) {
                return origin.strip().toLowerCase(Locale.ROOT);
            }
            String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
            int port = parsed.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            return scheme + "://" + parsed.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return origin.strip().toLowerCase(Locale.ROOT);
        }
    }
}
