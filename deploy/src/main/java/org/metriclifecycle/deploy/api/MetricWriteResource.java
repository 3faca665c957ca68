package org.metriclifecycle.deploy.api;

import java.util.OptionalInt;

import org.metriclifecycle.command.metric.ConcludeShadowCheck;
import org.metriclifecycle.command.metric.CorrelationJudged;
import org.metriclifecycle.command.metric.OpenShadowCheck;
import org.metriclifecycle.events.ShadowCheckResult;
import org.metriclifecycle.events.evidence.DecisionRule;
import org.metriclifecycle.events.evidence.SamplesNeeded;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metriclifecycle.deploy.security.MetricTeamDirectory;
import org.metriclifecycle.deploy.security.Action;
import org.metriclifecycle.deploy.security.Authorized;
import org.metriclifecycle.command.metric.DeprecateMetric;
import org.metriclifecycle.command.metric.LinkHypothesis;
import org.metriclifecycle.command.metric.ProposeMetric;
import org.metriclifecycle.command.metric.RecordCorrelation;
import org.metriclifecycle.events.CorrelationMethod;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.events.Verdict;
import org.metriclifecycle.query.metric.FindMetric;
import org.metriclifecycle.query.metric.MetricView;

/** The write side of HTTP API v1: each request is one command; the answer waits for the read models. */
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "metrics (write)")
@APIResponse(responseCode = "400", description = "Invalid fields, unknown fields or malformed JSON; nothing stored",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "415", description = "The body is not application/json",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MetricWriteResource {

    @Inject
    CommandSender commands;
    @Inject
    MetricTeamDirectory teams;
    @Inject
    QueryGateway queries;
    @Context
    UriInfo uri;

    @POST
    @Idempotent
    @Authorized(Action.PROPOSE_METRIC)
    @Operation(summary = "Propose a metric")
    @APIResponse(responseCode = "201", description = "Proposed; Location names the metric",
            content = @Content(schema = @Schema(implementation = WriteResponses.MetricCreated.class)))
    @APIResponse(responseCode = "409", description = "The team's metric budget is used up (send replaces and businessCase to swap)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response propose(@Valid @NotNull ProposeMetricRequest body) {
        String metricId = UUID.randomUUID().toString();
        commands.send(new ProposeMetric(metricId, body.name(), body.description(), body.team(), body.owner(),
                body.version(), body.validFor(), body.rationale(), blankToNull(body.replaces()),
                blankToNull(body.businessCase())), body.businessCase());
        teams.proposed(metricId, body.team());
        return commands.answer(Response.created(uri.getAbsolutePathBuilder().path(metricId).build())
                .entity(new WriteResponses.MetricCreated(metricId)));
    }

    @POST
    @Idempotent
    @Path("{metricId}/hypotheses")
    @Authorized(Action.LINK_HYPOTHESIS)
    @Operation(summary = "Link a falsifiable business hypothesis to a metric")
    @APIResponse(responseCode = "201", description = "Linked",
            content = @Content(schema = @Schema(implementation = WriteResponses.HypothesisCreated.class)))
    @APIResponse(responseCode = "404", description = "Unknown metric",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The metric is deprecated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response linkHypothesis(@PathParam("metricId") String metricId, @Valid @NotNull LinkHypothesisRequest body) {
        String hypothesisId = UUID.randomUUID().toString();
        DecisionRule rule = body.decisionRule() == null ? DecisionRule.INTERVAL : body.decisionRule();
        double confidence = body.confidence() == null ? DecisionRule.DEFAULT_CONFIDENCE : body.confidence();
        commands.send(new LinkHypothesis(metricId, hypothesisId, body.outcome(), body.statement(), body.direction(),
                body.minCorrelation(), body.minSampleSize(), rule, confidence), body.reason());
        OptionalInt samplesNeeded = SamplesNeeded.of(body.minCorrelation(), confidence);
        return commands.answer(Response.status(Response.Status.CREATED)
                .entity(new WriteResponses.HypothesisCreated(hypothesisId,
                        samplesNeeded.isPresent() ? samplesNeeded.getAsInt() : null)));
    }

    @POST
    @Idempotent
    @Path("{metricId}/correlations")
    @Authorized(Action.RECORD_CORRELATION)
    @Operation(summary = "Record a measured correlation; it is judged against its hypothesis")
    @APIResponse(responseCode = "201", description = "Recorded, with its verdict",
            content = @Content(schema = @Schema(implementation = WriteResponses.CorrelationCreated.class)))
    @APIResponse(responseCode = "404", description = "Unknown metric or hypothesis",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The metric is deprecated; the period overlaps a counted "
            + "correlation of the same hypothesis and source (name it in supersedes to correct it); the evidence is for "
            + "an older major version; or it is already past its revalidation due date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recordCorrelation(@PathParam("metricId") String metricId,
                                      @Valid @NotNull RecordCorrelationRequest body) {
        String correlationId = UUID.randomUUID().toString();
        CorrelationMethod method = body.method() == null ? CorrelationMethod.PEARSON : body.method();
        CorrelationJudged judged = commands.send(new RecordCorrelation(metricId, correlationId, body.hypothesisId(),
                body.coefficient(), body.sampleSize(), body.periodStart(), body.periodEnd(), method, body.source(),
                blankToNull(body.definitionVersion()), blankToNull(body.supersedes())), null);
        return commands.answer(Response.status(Response.Status.CREATED)
                .entity(new WriteResponses.CorrelationCreated(correlationId, judged.verdict(), judged.interval(),
                        judged.hypothesisStatus())));
    }

    @POST
    @Idempotent
    @Path("{metricId}/shadow-checks")
    @Authorized(Action.OPEN_SHADOW_CHECK)
    @Operation(summary = "Open a shadow check: a change that moved the eval, and how long to watch its outcome")
    @APIResponse(responseCode = "201", description = "Opened, with the instant it expires unless concluded",
            content = @Content(schema = @Schema(implementation = WriteResponses.ShadowCheckOpened.class)))
    @APIResponse(responseCode = "404", description = "Unknown metric or hypothesis",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The metric is deprecated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response openShadowCheck(@PathParam("metricId") String metricId,
                                    @Valid @NotNull OpenShadowCheckRequest body) {
        String checkId = UUID.randomUUID().toString();
        java.time.Duration observeFor = null;
        if (body.observeFor() != null) {
            try {
                observeFor = java.time.Duration.parse(body.observeFor().strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidRequestException("observeFor", "must be an ISO-8601 duration such as PT72H");
            }
        }
        java.time.Instant observeUntil = commands.send(new OpenShadowCheck(metricId, checkId, body.change(),
                body.evalDelta(), body.hypothesisId(), observeFor), null);
        return commands.answer(Response.status(Response.Status.CREATED)
                .entity(new WriteResponses.ShadowCheckOpened(checkId, observeUntil)));
    }

    @POST
    @Idempotent
    @Path("{metricId}/shadow-checks/{checkId}/outcome")
    @Authorized(Action.CONCLUDE_SHADOW_CHECK)
    @Operation(summary = "Conclude a shadow check with the outcome's delta: CONFIRMED or DIVERGED")
    @APIResponse(responseCode = "200", description = "Concluded",
            content = @Content(schema = @Schema(implementation = WriteResponses.ShadowCheckConcluded.class)))
    @APIResponse(responseCode = "404", description = "Unknown metric or shadow check",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already concluded or expired, past observeUntil, or the metric "
            + "is deprecated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response concludeShadowCheck(@PathParam("metricId") String metricId, @PathParam("checkId") String checkId,
                                        @Valid @NotNull ConcludeShadowCheckRequest body) {
        ShadowCheckResult result = commands.send(new ConcludeShadowCheck(metricId, checkId, body.outcomeDelta(),
                body.sampleSize(), blankToNull(body.note())), null);
        return commands.answer(Response.ok(new WriteResponses.ShadowCheckConcluded(result)));
    }

    @POST
    @Idempotent
    @Path("{metricId}/deprecation")
    @Authorized(Action.DEPRECATE_METRIC)
    @Operation(summary = "Deprecate a metric, with a reason and optionally its replacement")
    @APIResponse(responseCode = "200", description = "Deprecated",
            content = @Content(schema = @Schema(implementation = WriteResponses.MetricDeprecated.class)))
    @APIResponse(responseCode = "404", description = "Unknown metric",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The metric is already deprecated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response deprecate(@PathParam("metricId") String metricId, @Valid @NotNull DeprecateMetricRequest body) {
        String replacedBy = blankToNull(body.replacedBy());
        if (replacedBy != null && !replacedBy.equals(metricId)) {
            requireActiveReplacement(replacedBy);
        }
        commands.send(new DeprecateMetric(metricId, body.reason(), replacedBy), body.reason());
        return commands.answer(Response.ok(new WriteResponses.MetricDeprecated(metricId)));
    }

    private void requireActiveReplacement(String replacedBy) {
        MetricView replacement = queries.query(new FindMetric(replacedBy), ResponseTypes.instanceOf(MetricView.class))
                .join();
        if (replacement == null) {
            throw new InvalidRequestException("replacedBy", "names no existing metric");
        }
        if (replacement.status() == MetricStatus.DEPRECATED) {
            throw new InvalidRequestException("replacedBy", "names a metric that is itself deprecated");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
