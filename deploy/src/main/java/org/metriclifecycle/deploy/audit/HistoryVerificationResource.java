package org.metriclifecycle.deploy.audit;

import org.metriclifecycle.deploy.api.Problem;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metriclifecycle.deploy.security.Action;
import org.metriclifecycle.deploy.security.Authorized;
import org.metriclifecycle.events.TeamEvent;

/** Whether a metric's audit trail is still what was stored (SPEC "Security": tamper-evident audit trail). */
@Path("/api/v1/metrics/{metricId}/history/verify")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics (read)")
@Authorized(Action.READ)
public class HistoryVerificationResource {

    @Inject
    EventChainVerifier verifier;

    @GET
    @Operation(summary = "Recompute the metric's hash chain from its stored events and say where it breaks",
            description = "Reads the event store itself, not the read models. 'intact' covers the stored events "
                    + "only: an export of the heads outside the database also detects a truncated stream.")
    @APIResponse(responseCode = "200", description = "The result, intact or not",
            content = @Content(schema = @Schema(implementation = HistoryVerification.class)))
    @APIResponse(responseCode = "404", description = "Unknown metric",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HistoryVerification verify(@PathParam("metricId") String metricId) {
        // A team's stream is chained too, but it is not a metric.
        if (metricId.startsWith(TeamEvent.AGGREGATE_PREFIX)) {
            throw unknown(metricId);
        }
        return HistoryVerification.of(metricId, verifier.verify(metricId).orElseThrow(() -> unknown(metricId)));
    }

    private static NotFoundException unknown(String metricId) {
        return new NotFoundException("no metric with id '" + metricId + "'");
    }
}
