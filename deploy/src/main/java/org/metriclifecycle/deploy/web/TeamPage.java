package org.metriclifecycle.deploy.web;

import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.metriclifecycle.deploy.security.Action;
import org.metriclifecycle.deploy.security.Authorized;
import org.metriclifecycle.deploy.security.Caller;
import org.metriclifecycle.deploy.security.CallerIdentity;
import org.metriclifecycle.query.metric.MetricFilter;
import org.metriclifecycle.query.team.FindTeam;
import org.metriclifecycle.query.team.FindTeamReview;
import org.metriclifecycle.query.team.FindTeamRotation;
import org.metriclifecycle.query.team.FindUpcomingHandoffs;
import org.metriclifecycle.query.team.TeamReview;
import org.metriclifecycle.query.team.TeamRotation;
import org.metriclifecycle.query.team.TeamSummary;
import org.metriclifecycle.query.team.UpcomingHandoffs;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** One team: budget gauge, counts by status, owner load, rotation and next handoffs, the quarterly review. */
@Path("/ui/teams/{team}")
@Produces(MediaType.TEXT_HTML)
@Authorized(Action.READ)
public class TeamPage {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** Enough handoffs to plan a quarter with a fortnightly rotation. */
    static final int HANDOFFS_SHOWN = 6;

    @Inject
    ErrorPage errors;
    @Inject
    QueryGateway queries;
    @Inject
    MetricListing listing;
    @Inject
    CallerIdentity callers;
    @Inject
    @Location("team.html")
    Template page;
    @Inject
    @Location("partials/team-sections.html")
    Template sections;
    @Inject
    @Location("partials/team-actions.html")
    Template actions;

    @GET
    public TemplateInstance team(@PathParam("team") String team) {
        TeamOverview overview = overview(team);
        Caller caller = callers.current().orElse(null);
        return page.data("team", team)
                .data("overview", overview)
                .data("signedIn", caller == null ? null : SignedIn.of(caller))
                .data("actions", TeamActions.of(caller, team));
    }

    @GET
    @Path("sections")
    public TemplateInstance sections(@PathParam("team") String team) {
        return sections.data("team", team).data("overview", overview(team));
    }

    @GET
    @Path("actions")
    public TemplateInstance actions(@PathParam("team") String team) {
        Caller caller = callers.current().orElse(null);
        return actions.data("team", team).data("overview", overview(team))
                .data("signedIn", caller == null ? null : SignedIn.of(caller))
                .data("actions", TeamActions.of(caller, team));
    }

    private TeamOverview overview(String team) {
        if (!SLUG.matcher(team).matches()) {
            throw new NotFoundException("no team '" + team + "'");
        }
        TeamSummary summary = query(new FindTeam(team), TeamSummary.class);
        if (summary == null) {
            throw new NotFoundException("no team '" + team + "'");
        }
        TeamRotation rotation = query(new FindTeamRotation(team), TeamRotation.class);
        UpcomingHandoffs upcoming = rotation == null ? null
                : query(new FindUpcomingHandoffs(team, HANDOFFS_SHOWN), UpcomingHandoffs.class);
        TeamReview review = query(new FindTeamReview(team), TeamReview.class);
        return TeamOverview.of(summary, rotation, upcoming, review,
                listing.load(new MetricFilter(team, null, null)).metrics());
    }

    private <T> T query(Object query, Class<T> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }

    // Only this class's endpoints: the API keeps its problem documents.
    @ServerExceptionMapper
    Response notFound(NotFoundException e) {
        return errors.notFound(e.getMessage());
    }
}
