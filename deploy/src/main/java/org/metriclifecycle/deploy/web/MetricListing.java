package org.metriclifecycle.deploy.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.metriclifecycle.query.metric.ListMetrics;
import org.metriclifecycle.query.metric.MetricFilter;
import org.metriclifecycle.query.metric.MetricPage;
import org.metriclifecycle.query.metric.MetricView;

/**
 * The metrics a page shows, read page by page through the query gateway like the API, up to a cap: a board of a
 * thousand cards is already past what a person scans, and the cap keeps one page view's cost bounded.
 */
@ApplicationScoped
public class MetricListing {

    static final int PAGE_SIZE = 200;
    static final int MAX_METRICS = 1000;

    /** @param truncated whether more metrics matched than were loaded */
    public record Loaded(List<MetricView> metrics, boolean truncated) {
    }

    @Inject
    QueryGateway queries;

    public Loaded load(MetricFilter filter) {
        List<MetricView> metrics = new ArrayList<>();
        long total = 0;
        for (int page = 0; page * PAGE_SIZE < MAX_METRICS; page++) {
            MetricPage answer = queries.query(new ListMetrics(filter, page, PAGE_SIZE),
                    ResponseTypes.instanceOf(MetricPage.class)).join();
            metrics.addAll(answer.items());
            total = answer.total();
            if (metrics.size() >= total || answer.items().isEmpty()) {
                break;
            }
        }
        return new Loaded(List.copyOf(metrics), total > metrics.size());
    }
}
