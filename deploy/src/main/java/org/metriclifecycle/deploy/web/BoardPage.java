package org.metriclifecycle.deploy.web;

import java.time.Clock;
import java.util.Arrays;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.metriclifecycle.deploy.api.InvalidRequestException;
import org.metriclifecycle.deploy.api.QueryParameters;
import org.metriclifecycle.deploy.security.Action;
import org.metriclifecycle.deploy.security.Authorized;
import org.metriclifecycle.deploy.security.Caller;
import org.metriclifecycle.deploy.security.CallerIdentity;
import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.query.metric.MetricFilter;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** The lifecycle board: per team, metrics in columns by status; filtered by team, owner and status. */
@Path("/ui/board")
@Produces(MediaType.TEXT_HTML)
@Authorized(Action.READ)
public class BoardPage {

    @Inject
    ErrorPage errors;
    @Inject
    MetricListing listing;
    @Inject
    CallerIdentity callers;
    @Inject
    Clock clock;
    @Inject
    @Location("board.html")
    Template page;
    @Inject
    @Location("partials/board-columns.html")
    Template columns;

    @GET
    public TemplateInstance page(@QueryParam("team") String team, @QueryParam("owner") String owner,
                                  @QueryParam("status") String status) {
        Caller caller = callers.current().orElse(null);
        Board board = board(team, owner, status);
        return page.data("board", board)
                .data("signedIn", caller == null ? null : SignedIn.of(caller))
                .data("propose", ProposeChoices.of(caller, board.teamChoices()))
                .data("query", Fragments.query("team", team, "owner", owner, "status", status));
    }

    @GET
    @Path("cards")
    public TemplateInstance cards(@QueryParam("team") String team, @QueryParam("owner") String owner,
                                  @QueryParam("status") String status) {
        return columns.data("board", board(team, owner, status));
    }

    private Board board(String team, String owner, String status) {
        MetricFilter filter = new MetricFilter(QueryParameters.blankToNull(team), QueryParameters.status(status), QueryParameters.blankToNull(owner));
        // Every metric, not just the filtered ones: the filter's choices list all teams and owners.
        MetricListing.Loaded loaded = listing.load(MetricFilter.any());
        return Board.of(loaded.metrics(), filter, clock.instant(), loaded.truncated());
    }


    // Only this class's endpoints: the API keeps its problem documents.
    @ServerExceptionMapper
    Response invalid(InvalidRequestException e) {
        return errors.invalid(e.getMessage());
    }
}
