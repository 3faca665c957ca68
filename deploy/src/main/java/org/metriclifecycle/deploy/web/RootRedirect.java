package org.metriclifecycle.deploy.web;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The service's root is the board; a redirect reveals nothing, so it needs no sign-in (the board does). */
@Path("/")
public class RootRedirect {

    @GET
    public Response board() {
        return Response.seeOther(URI.create("/ui/board")).build();
    }
}
