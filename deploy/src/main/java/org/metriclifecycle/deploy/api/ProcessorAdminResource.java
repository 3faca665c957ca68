package org.metriclifecycle.deploy.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metriclifecycle.deploy.infra.EventProcessors;
import org.metriclifecycle.deploy.security.Action;
import org.metriclifecycle.deploy.security.Authorized;

/** Operating the projections (admin only): where each processor stands, and rebuilding one from the event store. */
@Path("/api/v1/admin/processors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
@Authorized(Action.ADMINISTER)
public class ProcessorAdminResource {

    @Inject
    EventProcessors processors;

    @GET
    @Operation(summary = "Every event processor: running, replaying, errors, segment positions and lag behind the head")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EventProcessors.ProcessorStatus.class)))
    public List<EventProcessors.ProcessorStatus> all() {
        return processors.all();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One event processor's status")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EventProcessors.ProcessorStatus.class)))
    @APIResponse(responseCode = "404", description = "No such processor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EventProcessors.ProcessorStatus one(@PathParam("name") String name) {
        return processors.find(name).orElseThrow(() -> new NotFoundException("no processor '" + name + "'"));
    }

    @POST
    @Idempotent(atomic = false)
    @Path("{name}/replay")
    @Operation(summary = "Rebuild the processor's projections from the first event while the service keeps serving")
    @APIResponse(responseCode = "202", description = "Replay started; poll the processor's status",
            content = @Content(schema = @Schema(implementation = EventProcessors.ProcessorStatus.class)))
    @APIResponse(responseCode = "404", description = "No such processor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another instance holds a segment; stop it there first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replay(@PathParam("name") String name) {
        EventProcessors.ProcessorStatus status = processors.replay(name)
                .orElseThrow(() -> new NotFoundException("no processor '" + name + "'"));
        return Response.accepted(status).build();
    }
}
