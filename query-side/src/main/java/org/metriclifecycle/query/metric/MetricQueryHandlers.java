package org.metriclifecycle.query.metric;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.metriclifecycle.events.MetricEvent;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.query.team.RotationForecast;
import org.metriclifecycle.query.team.RotationView;
import org.metriclifecycle.query.team.StoredTeamView;
import org.metriclifecycle.query.team.TeamView;
import org.metriclifecycle.query.team.TeamViewStore;

/** Answers the read side's queries: current state from the store, past state from the event stream itself. */
public class MetricQueryHandlers {

    private final MetricViewStore store;
    private final EventStore eventStore;
    private final TeamViewStore teams;
    private final Clock clock;

    public MetricQueryHandlers(MetricViewStore store, EventStore eventStore, TeamViewStore teams, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The stored view, with the next handoff filled in when the metric's team rotates ownership. */
    @QueryHandler
    public MetricView find(FindMetric query) {
        MetricView found = store.find(query.metricId()).map(StoredMetricView::view).orElse(null);
        if (found == null) {
            return null;
        }
        MetricView view = withReplaces(found, null);
        if (view.status() == MetricStatus.DEPRECATED) {
            return view;
        }
        RotationView rotation = teams.find(view.team()).map(StoredTeamView::view).map(TeamView::rotation).orElse(null);
        if (rotation == null) {
            return view;
        }
        // The rotation counts the team's active metrics in order of proposal; this metric's place is its index.
        List<MetricView> active = store.activeOfTeam(view.team());
        for (int i = 0; i < active.size(); i++) {
            if (active.get(i).metricId().equals(view.metricId())) {
                RotationForecast forecast = RotationForecast.of(rotation, clock.instant());
                return view.withNextHandoff(forecast.nextOwner(i), forecast.nextHandoffAt());
            }
        }
        return view;
    }

    /**
     * Folds the stream's prefix up to {@code asOf}: stopping at the first later event, rather than skipping it,
     * keeps the result a state the metric really had even if stored timestamps are not monotonic.
     */
    @QueryHandler
    public MetricView findAsOf(FindMetricAsOf query) {
        // From sequence 0 explicitly: the single-argument read may start at a snapshot, which is no MetricEvent.
        DomainEventStream events = eventStore.readEvents(query.metricId(), 0L);
        MetricView view = null;
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            if (message.getTimestamp().isAfter(query.asOf())) {
                break;
            }
            if (message.getPayload() instanceof MetricEvent event) {
                view = MetricViewFold.apply(view, event);
            }
        }
        return view == null ? null : withReplaces(view, query.asOf());
    }

    /** The metrics deprecated in favour of this one (by {@code asOf}, when given). */
    private MetricView withReplaces(MetricView view, Instant asOf) {
        List<MetricView> predecessors = store.predecessors(List.of(view.metricId())).getOrDefault(view.metricId(),
                List.of());
        return predecessors.isEmpty() ? view : view.withReplaces(replacedIds(predecessors, asOf));
    }

    private static List<String> replacedIds(List<MetricView> predecessors, Instant asOf) {
        return predecessors.stream()
                .filter(p -> asOf == null || (p.deprecatedAt() != null && !p.deprecatedAt().isAfter(asOf)))
                .map(MetricView::metricId).toList();
    }

    /** The metric's correlations folded from its stream; null for an unknown metric or hypothesis. */
    @QueryHandler
    public CorrelationPage correlations(ListCorrelations query) {
        if (store.lastAppliedSequence(query.metricId()).isEmpty()) {
            return null;
        }
        DomainEventStream events = eventStore.readEvents(query.metricId(), 0L);
        CorrelationListing listing = new CorrelationListing();
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof MetricEvent event) {
                listing.apply(event);
            }
        }
        if (query.hypothesisId() != null && !listing.hasHypothesis(query.hypothesisId())) {
            return null;
        }
        List<CorrelationListItem> all = listing.items(query.hypothesisId());
        long from = Math.min((long) query.page() * query.size(), all.size());
        long to = Math.min(from + query.size(), all.size());
        return new CorrelationPage(all.subList((int) from, (int) to), all.size());
    }

    /** The metric's shadow checks folded from its stream; null for an unknown metric. */
    @QueryHandler
    public ShadowCheckList shadowChecks(ListShadowChecks query) {
        if (store.lastAppliedSequence(query.metricId()).isEmpty()) {
            return null;
        }
        DomainEventStream events = eventStore.readEvents(query.metricId(), 0L);
        ShadowCheckListing listing = new ShadowCheckListing();
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof MetricEvent event) {
                listing.apply(event);
            }
        }
        return listing.list();
    }

    @QueryHandler
    public MetricPage list(ListMetrics query) {
        MetricFilter filter = query.filter() == null ? MetricFilter.any() : query.filter();
        MetricPage page = store.list(filter, query.page(), query.size());
        Map<String, List<MetricView>> predecessors = store.predecessors(
                page.items().stream().map(MetricView::metricId).toList());
        if (predecessors.isEmpty()) {
            return page;
        }
        return new MetricPage(page.items().stream().map(item -> predecessors.containsKey(item.metricId())
                ? item.withReplaces(replacedIds(predecessors.get(item.metricId()), null)) : item).toList(),
                page.total());
    }

    @QueryHandler
    public MetricHistory history(FindMetricHistory query) {
        if (store.lastAppliedSequence(query.metricId()).isEmpty()) {
            return null;
        }
        return new MetricHistory(query.metricId(), store.history(query.metricId()));
    }
}
