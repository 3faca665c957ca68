package org.metriclifecycle.deploy.audit;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metriclifecycle.deploy.api.Idempotent;
import org.metriclifecycle.deploy.api.Problem;
import org.metriclifecycle.deploy.security.Action;
import org.metriclifecycle.deploy.security.Authorized;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Signed checkpoints of the audit trail (SPEC "Signed checkpoints"; docs/audit.md). */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
@Authorized(Action.READ)
public class AuditResource {

    @Inject
    Checkpoints checkpoints;

    @POST
    @Path("checkpoints")
    @Authorized(Action.ADMINISTER)
    @Idempotent(atomic = false)
    @Operation(summary = "Make a signed checkpoint of every stream's chain head now (admin)")
    @APIResponse(responseCode = "201", description = "Made; keep it outside the service",
            content = @Content(schema = @Schema(implementation = Checkpoint.class)))
    public Response make() {
        Checkpoint made = QuarkusTransaction.requiringNew().call(checkpoints::make);
        return Response.status(Response.Status.CREATED).entity(made).build();
    }

    @GET
    @Path("checkpoints/latest")
    @Operation(summary = "The newest checkpoint, with the public key that verifies it")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Checkpoint.class)))
    @APIResponse(responseCode = "404", description = "No checkpoint made yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Checkpoint latest() {
        return checkpoints.latest().orElseThrow(() -> new NotFoundException("no checkpoint has been made yet"));
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a checkpoint document against this service's key and the events stored now",
            description = "signatureValid: signed by this service's key, over exactly the listed streams. intact: "
                    + "every listed stream still holds the events up to its listed head (a rewritten, dropped or "
                    + "recomputed event is a break at the first sequence that no longer matches; a recomputed chain "
                    + "can only be placed at the head).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CheckpointVerification.class)))
    @APIResponse(responseCode = "400", description = "Not a checkpoint document",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CheckpointVerification verify(@NotNull Checkpoint document) {
        return checkpoints.verify(document);
    }
}
