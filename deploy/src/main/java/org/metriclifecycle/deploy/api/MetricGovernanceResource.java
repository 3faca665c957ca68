package org.metriclifecycle.deploy.api;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.metriclifecycle.deploy.security.Action;
import org.metriclifecycle.deploy.security.Authorized;
import org.metriclifecycle.command.metric.ChangeOwner;
import org.metriclifecycle.command.metric.RecordBlindSpot;
import org.metriclifecycle.command.metric.ReviseDefinition;
import org.metriclifecycle.events.ScoreDelta;

/** Governance of one metric: its owner, its definition's revisions, the failures it missed. */
@Path("/api/v1/metrics/{metricId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "metrics (governance)")
@APIResponse(responseCode = "400", description = "Invalid fields; nothing stored",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown metric",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "The metric is deprecated",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MetricGovernanceResource {

    record OwnerSet(String metricId, String owner) {
    }

    record RevisionCreated(String metricId, String version) {
    }

    record BlindSpotCreated(String blindSpotId) {
    }

    @Inject
    CommandSender commands;

    @PUT
    @Idempotent
    @Path("owner")
    @Authorized(Action.CHANGE_OWNER)
    @Operation(summary = "Hand the metric to a new owner, with a reason")
    @APIResponse(responseCode = "200", description = "Owner set (no event when it was already the owner)",
            content = @Content(schema = @Schema(implementation = OwnerSet.class)))
    public Response changeOwner(@PathParam("metricId") String metricId, @Valid @NotNull ChangeOwnerRequest body) {
        commands.send(new ChangeOwner(metricId, body.owner()), body.reason());
        return commands.answer(Response.ok(new OwnerSet(metricId, body.owner())));
    }

    @POST
    @Idempotent
    @Path("revisions")
    @Authorized(Action.REVISE_DEFINITION)
    @Operation(summary = "Revise the metric's definition; a major version reopens its hypotheses")
    @APIResponse(responseCode = "201", description = "Revised",
            content = @Content(schema = @Schema(implementation = RevisionCreated.class)))
    public Response revise(@PathParam("metricId") String metricId, @Valid @NotNull ReviseDefinitionRequest body) {
        List<ScoreDelta> deltas = body.deltas() == null ? List.of() : body.deltas().stream()
                .map(d -> new ScoreDelta(d.subject(), d.before(), d.after())).toList();
        commands.send(new ReviseDefinition(metricId, body.version(), body.changeNote(), body.validFor(), deltas),
                body.changeNote());
        return commands.answer(Response.status(Response.Status.CREATED)
                .entity(new RevisionCreated(metricId, body.version())));
    }

    @POST
    @Idempotent
    @Path("blind-spots")
    @Authorized(Action.RECORD_BLIND_SPOT)
    @Operation(summary = "Record a production failure this metric did not catch")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = BlindSpotCreated.class)))
    public Response recordBlindSpot(@PathParam("metricId") String metricId, @Valid @NotNull BlindSpotRequest body) {
        String blindSpotId = UUID.randomUUID().toString();
        commands.send(new RecordBlindSpot(metricId, blindSpotId, body.failureMode(), body.description(),
                body.incidentRef()), null);
        return commands.answer(Response.status(Response.Status.CREATED).entity(new BlindSpotCreated(blindSpotId)));
    }
}
