package org.metriclifecycle.deploy.api;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
import org.metriclifecycle.command.team.AddRotationOverride;
import org.metriclifecycle.command.team.ScheduleRotation;
import org.metriclifecycle.command.team.SetCoreMetricLimit;
import org.metriclifecycle.command.team.StopRotation;
import org.metriclifecycle.command.team.SetTeamRoster;
import org.metriclifecycle.query.metric.HistoryEntry;
import org.metriclifecycle.query.team.FindTeam;
import org.metriclifecycle.query.team.FindTeamHistory;
import org.metriclifecycle.query.team.TeamHistory;
import org.metriclifecycle.query.team.FindTeamReview;
import org.metriclifecycle.query.team.FindTeamRotation;
import org.metriclifecycle.query.team.FindUpcomingHandoffs;
import org.metriclifecycle.query.team.ReviewCsv;
import org.metriclifecycle.query.team.ReviewMarkdown;
import org.metriclifecycle.query.team.TeamReview;
import org.metriclifecycle.query.team.TeamRotation;
import org.metriclifecycle.query.team.TeamSummary;
import org.metriclifecycle.query.team.UpcomingHandoffs;

/** A team's governance: its metric budget, its ownership rotation, its quarterly review. */
@Path("/api/v1/teams/{team}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "teams")
@APIResponse(responseCode = "400", description = "Invalid fields or parameters; nothing stored",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TeamResource {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int DEFAULT_FEED_HANDOFFS = 10;
    private static final Duration FEED_EVENT_LENGTH = Duration.ofMinutes(30);

    record BudgetSet(String team, int coreMetricLimit) {
    }

    record OverrideCreated(String overrideId) {
    }

    record RosterSet(String team, List<String> members) {
    }

    @Inject
    CommandSender commands;
    @Inject
    QueryGateway queries;
    @Inject
    Clock clock;

    @GET
    @Authorized(Action.READ)
    @Operation(summary = "The team at a glance: budget, counts by status, owner load, blind spots, rotation")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TeamSummary.class)))
    @APIResponse(responseCode = "404", description = "No such team",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TeamSummary summary(@PathParam("team") String team) {
        return found(query(new FindTeam(readable(team)), TeamSummary.class), "no team '" + team + "'");
    }

    @PUT
    @Idempotent
    @Path("budget")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized(Action.SET_BUDGET)
    @Operation(summary = "Set the team's metric budget (core metric limit)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BudgetSet.class)))
    public Response setBudget(@PathParam("team") String team, @Valid @NotNull BudgetRequest body) {
        commands.send(new SetCoreMetricLimit(writable(team), body.coreMetricLimit()), body.reason());
        return commands.answer(Response.ok(new BudgetSet(team, body.coreMetricLimit())));
    }

    @PUT
    @Idempotent
    @Path("members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized(Action.SET_ROSTER)
    @Operation(summary = "Set the team's roster: from then on owners, rotation members and overrides must be on it")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RosterSet.class)))
    public Response setRoster(@PathParam("team") String team, @Valid @NotNull RosterRequest body) {
        commands.send(new SetTeamRoster(writable(team), body.members()), body.reason());
        return commands.answer(Response.ok(new RosterSet(team, body.members())));
    }

    @GET
    @Path("history")
    @Authorized(Action.READ)
    @Operation(summary = "Every event of the team's own stream, oldest first: budget, roster, rotation, overrides, "
            + "webhooks and admissions, with actor, reason and what changed")
    @APIResponse(responseCode = "200", description = "The team's audit history", content = @Content(schema =
            @Schema(implementation = HistoryEntry.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such team",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<HistoryEntry> history(@PathParam("team") String team) {
        return found(query(new FindTeamHistory(readable(team)), TeamHistory.class), "no team '" + team + "'")
                .entries();
    }

    @PUT
    @Idempotent
    @Path("rotation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized(Action.MANAGE_ROTATION)
    @Operation(summary = "Set the ownership rotation from now on (the past is never rewritten)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TeamRotation.class)))
    public Response setRotation(@PathParam("team") String team, @Valid @NotNull RotationRequest body) {
        commands.send(new ScheduleRotation(writable(team), UUID.randomUUID().toString(), body.members(),
                body.period(), body.startsAt()), null);
        Response answer = commands.answer(Response.ok());
        return Response.fromResponse(answer).entity(query(new FindTeamRotation(team), TeamRotation.class)).build();
    }

    @DELETE
    @Idempotent
    @Path("rotation")
    @Authorized(Action.MANAGE_ROTATION)
    @Operation(summary = "Stop rotating ownership; owners stay as they are")
    @APIResponse(responseCode = "204", description = "Stopped")
    @APIResponse(responseCode = "404", description = "No such team",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The team has no rotation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response stopRotation(@PathParam("team") String team) {
        commands.send(new StopRotation(writable(team)), null);
        return commands.answer(Response.noContent());
    }

    @POST
    @Idempotent
    @Path("rotation/overrides")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized(Action.MANAGE_ROTATION)
    @Operation(summary = "While a member is away, their replacement takes their metrics")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = OverrideCreated.class)))
    @APIResponse(responseCode = "409", description = "The team has no rotation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addOverride(@PathParam("team") String team, @Valid @NotNull RotationOverrideRequest body) {
        String overrideId = UUID.randomUUID().toString();
        commands.send(new AddRotationOverride(writable(team), overrideId, body.member(), body.replacement(),
                body.from(), body.to()), null);
        return commands.answer(Response.status(Response.Status.CREATED).entity(new OverrideCreated(overrideId)));
    }

    @GET
    @Path("rotation")
    @Authorized(Action.READ)
    @Operation(summary = "The rotation: members, period, next handoff, overrides, and each metric's owner and next owner")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TeamRotation.class)))
    @APIResponse(responseCode = "404", description = "No such team, or it has no rotation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TeamRotation rotation(@PathParam("team") String team) {
        return found(query(new FindTeamRotation(readable(team)), TeamRotation.class),
                "team '" + team + "' has no rotation");
    }

    @GET
    @Path("rotation.ics")
    @Produces(CalendarFeed.MEDIA_TYPE)
    @Authorized(Action.READ)
    @Operation(summary = "The upcoming handoffs as an iCalendar feed; ?member= keeps one person's handoffs")
    @APIResponse(responseCode = "200", description = "text/calendar")
    public Response rotationCalendar(@PathParam("team") String team,
                                     @Parameter(description = "only this member's handoffs") @QueryParam("member") String member,
                                     @Parameter(description = "how many handoffs ahead, 1..100 (default 10)") @QueryParam("count") String count) {
        int handoffs = QueryParameters.integer("count", count, DEFAULT_FEED_HANDOFFS, 1, 100);
        UpcomingHandoffs upcoming = found(query(new FindUpcomingHandoffs(readable(team), handoffs),
                UpcomingHandoffs.class), "team '" + team + "' has no rotation");
        List<CalendarFeed.Event> events = new ArrayList<>();
        for (UpcomingHandoffs.Handoff handoff : upcoming.handoffs()) {
            for (UpcomingHandoffs.HandoffAssignment assignment : handoff.assignments()) {
                if (member != null && !member.isBlank() && !member.strip().equals(assignment.owner())) {
                    continue;
                }
                events.add(new CalendarFeed.Event(
                        team + "-" + handoff.handoff() + "-" + assignment.metricId() + "@metric-lifecycle",
                        handoff.at(), handoff.at().plus(FEED_EVENT_LENGTH),
                        assignment.owner() + " takes " + assignment.metricName(),
                        "Handoff " + handoff.handoff() + " of team " + team + "'s rotation: " + assignment.owner()
                                + " owns \"" + assignment.metricName() + "\" (metric " + assignment.metricId() + ")."));
            }
        }
        String name = team + " rotation" + (member == null || member.isBlank() ? "" : " for " + member.strip());
        return Response.ok(CalendarFeed.render(name, clock.instant(), events), CalendarFeed.MEDIA_TYPE + ";charset=utf-8")
                .build();
    }

    @GET
    @Path("review")
    @Produces({MediaType.APPLICATION_JSON, "text/markdown", "text/csv"})
    @Authorized(Action.READ)
    @Operation(summary = "The quarterly review: each active metric's evidence and a KEEP / REVALIDATE / REMOVE_CANDIDATE verdict with why; ?format=md or csv for the mapping document")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TeamReview.class)))
    @APIResponse(responseCode = "404", description = "No such team",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response review(@PathParam("team") String team,
                           @Parameter(description = "json (default), md or csv") @QueryParam("format") String format) {
        String chosen = format == null || format.isBlank() ? "json" : format.strip();
        if (!List.of("json", "md", "csv").contains(chosen)) {
            throw new InvalidRequestException("format", "must be json, md or csv");
        }
        TeamReview review = found(query(new FindTeamReview(readable(team)), TeamReview.class), "no team '" + team + "'");
        return switch (chosen) {
            case "md" -> Response.ok(ReviewMarkdown.render(review), "text/markdown;charset=utf-8")
                    .header("Content-Disposition", "inline; filename=\"" + team + "-review.md\"").build();
            case "csv" -> Response.ok(ReviewCsv.render(review), "text/csv;charset=utf-8;header=present")
                    .header("Content-Disposition", "attachment; filename=\"" + team + "-review.csv\"").build();
            default -> Response.ok(review, MediaType.APPLICATION_JSON).build();
        };
    }

    private <T> T query(Object query, Class<T> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }

    private static <T> T found(T value, String detail) {
        if (value == null) {
            throw new NotFoundException(detail);
        }
        return value;
    }

    /** A team in a path that cannot exist reads as unknown. */
    private static String readable(String team) {
        if (!SLUG.matcher(team).matches()) {
            throw new NotFoundException("no team '" + team + "'");
        }
        return team;
    }

    /** A write to a team names it by slug; anything else is an invalid request. */
    private static String writable(String team) {
        if (!SLUG.matcher(team).matches()) {
            throw new InvalidRequestException("team", "must be a slug: [a-z0-9][a-z0-9-]{0,63}");
        }
        return team;
    }
}
