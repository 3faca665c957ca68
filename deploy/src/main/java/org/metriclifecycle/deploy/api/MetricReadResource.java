package org.metriclifecycle.deploy.api;


import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metriclifecycle.deploy.security.Action;
import org.metriclifecycle.deploy.security.Authorized;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.query.metric.FindMetric;
import org.metriclifecycle.query.metric.FindMetricAsOf;
import org.metriclifecycle.query.metric.CorrelationPage;
import org.metriclifecycle.query.metric.FindMetricHistory;
import org.metriclifecycle.query.metric.ListCorrelations;
import org.metriclifecycle.query.metric.ListShadowChecks;
import org.metriclifecycle.query.metric.ShadowCheckList;
import org.metriclifecycle.query.metric.HistoryEntry;
import org.metriclifecycle.query.metric.ListMetrics;
import org.metriclifecycle.query.metric.MetricFilter;
import org.metriclifecycle.query.metric.MetricHistory;
import org.metriclifecycle.query.metric.MetricPage;
import org.metriclifecycle.query.metric.MetricView;

/** The read side of HTTP API v1: metric views, their past states and their audit history. */
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics (read)")
@APIResponse(responseCode = "400", description = "Invalid query parameters",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Authorized(Action.READ)
public class MetricReadResource {

    static final int MAX_PAGE_SIZE = 200;
    static final int DEFAULT_PAGE_SIZE = 50;

    @Inject
    QueryGateway queries;

    @GET
    @Operation(summary = "List metrics, filtered and paged; total counts every match")
    @APIResponse(responseCode = "200", description = "A page of metrics",
            content = @Content(schema = @Schema(implementation = MetricPage.class)))
    public MetricPage list(@QueryParam("team") String team,
                           @Parameter(schema = @Schema(implementation = MetricStatus.class)) @QueryParam("status") String status,
                           @QueryParam("owner") String owner,
                           @Parameter(description = "a word or phrase matched case-insensitively in name and description")
                           @QueryParam("q") String q,
                           @Parameter(description = "from 0") @QueryParam("page") String page,
                           @Parameter(description = "1..200, default 50") @QueryParam("size") String size,
                           @Context UriInfo uri) {
        QueryParameters.only(uri.getQueryParameters(), "team", "status", "owner", "q", "page", "size");
        MetricFilter filter = new MetricFilter(QueryParameters.team(team), QueryParameters.status(status),
                QueryParameters.blankToNull(owner), QueryParameters.search(q));
        int pageNumber = QueryParameters.integer("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = QueryParameters.integer("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        return queries.query(new ListMetrics(filter, pageNumber, pageSize), ResponseTypes.instanceOf(MetricPage.class))
                .join();
    }

    @GET
    @Path("{metricId}")
    @Operation(summary = "One metric, now or as it stood at an instant (computed from its event stream)")
    @APIResponse(responseCode = "200", description = "The metric view",
            content = @Content(schema = @Schema(implementation = MetricView.class)))
    @APIResponse(responseCode = "404", description = "Unknown metric, or it did not exist yet at asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MetricView get(@PathParam("metricId") String metricId,
                          @Parameter(description = "ISO-8601 UTC instant, or a date YYYY-MM-DD meaning the end of that "
                                  + "day (UTC)") @QueryParam("asOf") String asOf,
                          @Context UriInfo uri) {
        QueryParameters.only(uri.getQueryParameters(), "asOf");
        MetricView view = asOf == null
                ? queries.query(new FindMetric(metricId), ResponseTypes.instanceOf(MetricView.class)).join()
                : queries.query(new FindMetricAsOf(metricId, QueryParameters.pointInTime("asOf", asOf)),
                        ResponseTypes.instanceOf(MetricView.class)).join();
        if (view == null) {
            throw new NotFoundException(asOf == null
                    ? "no metric with id '" + metricId + "'"
                    : "no metric with id '" + metricId + "' existed at " + asOf);
        }
        return view;
    }

    @GET
    @Path("{metricId}/history")
    @Operation(summary = "Every event of the metric, oldest first: who, when, why, and what changed")
    @APIResponse(responseCode = "200", description = "The audit history",
            content = @Content(schema = @Schema(implementation = HistoryEntry.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "Unknown metric",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public java.util.List<HistoryEntry> history(@PathParam("metricId") String metricId) {
        MetricHistory history = queries.query(new FindMetricHistory(metricId),
                ResponseTypes.instanceOf(MetricHistory.class)).join();
        if (history == null) {
            throw new NotFoundException("no metric with id '" + metricId + "'");
        }
        return history.entries();
    }

    @GET
    @Path("{metricId}/correlations")
    @Operation(summary = "Every correlation of the metric, newest first, with its verdict, interval, whether it "
            + "counts and what superseded it")
    @APIResponse(responseCode = "200", description = "A page of correlations",
            content = @Content(schema = @Schema(implementation = CorrelationPage.class)))
    @APIResponse(responseCode = "404", description = "Unknown metric or hypothesis",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CorrelationPage correlations(@PathParam("metricId") String metricId,
                                        @QueryParam("hypothesisId") String hypothesisId,
                                        @Parameter(description = "from 0") @QueryParam("page") String page,
                                        @Parameter(description = "1..200, default 50") @QueryParam("size") String size,
                                        @Context UriInfo uri) {
        QueryParameters.only(uri.getQueryParameters(), "hypothesisId", "page", "size");
        int pageNumber = QueryParameters.integer("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = QueryParameters.integer("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        String hypothesis = QueryParameters.blankToNull(hypothesisId);
        CorrelationPage correlations = queries.query(new ListCorrelations(metricId, hypothesis, pageNumber, pageSize),
                ResponseTypes.instanceOf(CorrelationPage.class)).join();
        if (correlations == null) {
            throw new NotFoundException(hypothesis == null ? "no metric with id '" + metricId + "'"
                    : "no metric with id '" + metricId + "' or it has no hypothesis '" + hypothesis + "'");
        }
        return correlations;
    }

    @GET
    @Path("{metricId}/shadow-checks")
    @Operation(summary = "Every shadow check of the metric, oldest first, with its state")
    @APIResponse(responseCode = "200", description = "The shadow checks",
            content = @Content(schema = @Schema(implementation = ShadowCheckList.class)))
    @APIResponse(responseCode = "404", description = "Unknown metric",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ShadowCheckList shadowChecks(@PathParam("metricId") String metricId) {
        ShadowCheckList checks = queries.query(new ListShadowChecks(metricId),
                ResponseTypes.instanceOf(ShadowCheckList.class)).join();
        if (checks == null) {
            throw new NotFoundException("no metric with id '" + metricId + "'");
        }
        return checks;
    }
}
