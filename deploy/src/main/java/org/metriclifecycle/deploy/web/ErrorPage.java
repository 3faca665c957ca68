package org.metriclifecycle.deploy.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.metriclifecycle.deploy.security.CallerIdentity;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The pages' answer to an unknown metric or team (404) or a malformed parameter (400): HTML a person can read,
 * with a way back, instead of the API's problem document. Sign-in failures stay the API's (the browser's prompt).
 */
@ApplicationScoped
public class ErrorPage {

    @Inject
    CallerIdentity callers;
    @Inject
    @Location("error.html")
    Template page;

    Response render(Response.Status status, String title, String detail) {
        String html = page.data("title", title)
                .data("detail", detail)
                .data("signedIn", callers.current().map(SignedIn::of).orElse(null))
                .render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    Response notFound(String detail) {
        return render(Response.Status.NOT_FOUND, "Not found", detail);
    }

    Response invalid(String detail) {
        return render(Response.Status.BAD_REQUEST, "Invalid address", detail);
    }
}
