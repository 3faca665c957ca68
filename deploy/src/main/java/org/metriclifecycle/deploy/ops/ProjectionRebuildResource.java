package org.metriclifecycle.deploy.ops;

import org.metriclifecycle.deploy.api.Idempotent;
import org.metriclifecycle.deploy.api.Problem;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metriclifecycle.deploy.security.Action;
import org.metriclifecycle.deploy.security.Authorized;

/** Rebuilding every read model from the event store (admin only; SPEC "Operating and scale", "Rebuild"). */
@Path("/api/v1/admin/projections/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
@Authorized(Action.ADMINISTER)
public class ProjectionRebuildResource {

    @Inject
    ProjectionRebuild rebuild;

    @GET
    @Operation(summary = "Where the last (or the running) projection rebuild on this instance stands")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = ProjectionRebuild.Status.class)))
    public ProjectionRebuild.Status status() {
        return rebuild.status();
    }

    @POST
    @Idempotent(atomic = false)
    @Operation(summary = "Rebuild metric views and history, team views and webhook subscriptions from the event store",
            description = "One pass over the events in global order, each stream folded in memory and written once in "
                    + "bulk, in the background: answers at once, while writes and reads go on being served. When it "
                    + "is IDLE again the views equal a fold of the whole store, writes made meanwhile included.")
    @APIResponse(responseCode = "202", description = "Started; follow it with GET",
            content = @Content(schema = @Schema(implementation = ProjectionRebuild.Status.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running on this instance",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@Context UriInfo uri) {
        return rebuild.start()
                .map(started -> Response.accepted(started).build())
                .orElseGet(() -> Problem.of(Response.Status.CONFLICT, "rebuild-running", "Rebuild running",
                        "a projection rebuild is already running; follow it with GET", uri.getRequestUri().getRawPath())
                        .toResponse(Map.of("rebuild", rebuild.status())));
    }
}
