package org.metriclifecycle.deploy.web;

import java.time.Clock;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.metriclifecycle.deploy.api.InvalidRequestException;
import org.metriclifecycle.deploy.security.Action;
import org.metriclifecycle.deploy.security.Authorized;
import org.metriclifecycle.deploy.security.Caller;
import org.metriclifecycle.deploy.security.CallerIdentity;
import org.metriclifecycle.query.metric.FindMetric;
import org.metriclifecycle.query.metric.FindMetricAsOf;
import org.metriclifecycle.query.metric.FindMetricHistory;
import org.metriclifecycle.query.metric.HistoryEntry;
import org.metriclifecycle.query.metric.MetricHistory;
import org.metriclifecycle.query.metric.MetricView;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * One metric: hypotheses with their evidence plots, the audit timeline with a date control that shows the metric as
 * of that date, shadow checks, revisions, blind spots, and the forms the caller's role allows.
 */
@Path("/ui/metrics/{metricId}")
@Produces(MediaType.TEXT_HTML)
@Authorized(Action.READ)
public class MetricDetailPage {

    @Inject
    ErrorPage errors;
    @Inject
    QueryGateway queries;
    @Inject
    EvidenceHistory evidence;
    @Inject
    CallerIdentity callers;
    @Inject
    Clock clock;
    @Inject
    @Location("metric.html")
    Template page;
    @Inject
    @Location("partials/metric-sections.html")
    Template sections;
    @Inject
    @Location("partials/metric-actions.html")
    Template actions;

    @GET
    public TemplateInstance metric(@PathParam("metricId") String metricId, @QueryParam("asOf") String asOfText) {
        AsOf asOf = AsOf.parse(asOfText);
        MetricView metric = metric(metricId, asOf);
        EvidenceHistory.Evidence recorded = evidence.of(metricId, asOf == null ? null : asOf.instant());
        MetricDetail detail = detail(metric, asOf, recorded);
        Caller caller = callers.current().orElse(null);
        return page.data("detail", detail)
                .data("metric", detail.metric())
                .data("signedIn", caller == null ? null : SignedIn.of(caller))
                .data("actions", MetricActions.of(caller, detail.metric(), recorded.shadowChecks(), clock.instant(),
                        asOf != null))
                .data("query", Fragments.query("asOf", asOfText));
    }

    @GET
    @Path("sections")
    public TemplateInstance sections(@PathParam("metricId") String metricId, @QueryParam("asOf") String asOfText) {
        AsOf asOf = AsOf.parse(asOfText);
        MetricView metric = metric(metricId, asOf);
        EvidenceHistory.Evidence recorded = evidence.of(metricId, asOf == null ? null : asOf.instant());
        return sections.data("detail", detail(metric, asOf, recorded));
    }

    @GET
    @Path("actions")
    public TemplateInstance actions(@PathParam("metricId") String metricId) {
        MetricView metric = current(metricId);
        return actions.data("metric", metric)
                .data("actions", MetricActions.of(callers.current().orElse(null), metric,
                        evidence.of(metricId, null).shadowChecks(), clock.instant(), false));
    }

    /** The metric now, or as it stood at {@code asOf}; 404 when it is unknown or did not exist yet. */
    private MetricView metric(String metricId, AsOf asOf) {
        MetricView metric = asOf == null ? current(metricId)
                : queries.query(new FindMetricAsOf(metricId, asOf.instant()), ResponseTypes.instanceOf(MetricView.class))
                        .join();
        if (metric == null) {
            current(metricId);
            throw new NotFoundException("metric '" + metricId + "' did not exist yet on " + asOf.day());
        }
        return metric;
    }

    private MetricDetail detail(MetricView metric, AsOf asOf, EvidenceHistory.Evidence recorded) {
        MetricHistory history = queries.query(new FindMetricHistory(metric.metricId()),
                ResponseTypes.instanceOf(MetricHistory.class)).join();
        List<HistoryEntry> entries = history == null ? List.of() : history.entries();
        return MetricDetail.of(metric, asOf, entries, recorded.correlations(), recorded.shadowChecks(),
                clock.instant());
    }

    private MetricView current(String metricId) {
        MetricView metric = queries.query(new FindMetric(metricId), ResponseTypes.instanceOf(MetricView.class)).join();
        if (metric == null) {
            throw new NotFoundException("no metric with id '" + metricId + "'");
        }
        return metric;
    }

    // Only this class's endpoints: the API keeps its problem documents.
    @ServerExceptionMapper
    Response notFound(NotFoundException e) {
        return errors.notFound(e.getMessage());
    }

    @ServerExceptionMapper
    Response invalid(InvalidRequestException e) {
        return errors.invalid(e.getMessage());
    }
}
