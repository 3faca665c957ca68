package org.metriclifecycle.deploy.webhooks;

import org.metriclifecycle.deploy.api.CommandSender;
import org.metriclifecycle.deploy.api.Idempotent;
import org.metriclifecycle.deploy.api.InvalidRequestException;
import org.metriclifecycle.deploy.api.Problem;
import org.metriclifecycle.deploy.api.QueryParameters;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
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
import org.metriclifecycle.events.WebhookEventKind;
import org.metriclifecycle.events.WebhookFormat;
import org.metriclifecycle.query.webhook.FindWebhookSubscriptions;
import org.metriclifecycle.query.webhook.WebhookSubscriptionView;
import org.metriclifecycle.query.webhook.WebhookSubscriptions;

/**
 * A team's outbound webhooks: subscriptions (lead of the team, or admin) and what was delivered to each. Delivery
 * itself never runs on a request: see {@code WebhookOutbox}.
 */
@Path("/api/v1/teams/{team}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
@Authorized(Action.WEBHOOKS)
@APIResponse(responseCode = "400", description = "Invalid fields or parameters; nothing stored",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only a lead of the team, or an admin, manages its webhooks",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WebhookResource {

    /** The slug rule of SPEC's team field, as TeamResource applies it to paths. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 200;

    /** The answer to a subscription: the only time the secret is ever shown. */
    record WebhookCreated(String subscriptionId, String secret, String secretFingerprint, String url, String format,
                          List<String> events) {
    }

    @Inject
    CommandSender commands;
    @Inject
    QueryGateway queries;
    @Inject
    WebhookRegistry registry;

    @POST
    @Idempotent(secret = WebhookAnswerSecret.class)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to the team's notifications; the answer carries the signing secret, once")
    @APIResponse(responseCode = "201", description = "Subscribed; keep the secret, it is not shown again (but to a "
            + "retry with the same Idempotency-Key, which reads it back from its encrypted row)",
            content = @Content(schema = @Schema(implementation = WebhookCreated.class)))
    @APIResponse(responseCode = "409", description = "The team already has 20 subscriptions",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response subscribe(@PathParam("team") String team, @Valid @NotNull WebhookRequest body) {
        if (!SLUG.matcher(team).matches()) {
            throw new InvalidRequestException("team", "must be a slug: [a-z0-9][a-z0-9-]{0,63}");
        }
        String format = body.format() == null ? WebhookFormat.JSON.wireName() : body.format();
        Set<String> events = body.events() == null ? WebhookEventKind.allWireNames() : new TreeSet<>(body.events());
        WebhookRegistry.Subscribed subscribed = registry.subscribe(team, body.url(), format, events,
                command -> commands.send(command, null));
        return commands.answer(Response.status(Response.Status.CREATED).entity(new WebhookCreated(
                subscribed.subscriptionId(), subscribed.secret(), subscribed.secretFingerprint(), body.url(), format,
                List.copyOf(events))));
    }

    @GET
    @Operation(summary = "The team's webhook subscriptions (never their secrets)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WebhookSubscriptions.class)))
    public WebhookSubscriptions list(@PathParam("team") String team) {
        return subscriptions(readable(team));
    }

    @DELETE
    @Idempotent
    @Path("{subscriptionId}")
    @Operation(summary = "Stop a subscription; its pending deliveries are not sent")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    @APIResponse(responseCode = "404", description = "The team has no such subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response unsubscribe(@PathParam("team") String team, @PathParam("subscriptionId") String subscriptionId) {
        if (subscription(readable(team), subscriptionId) == null) {
            throw unknown(team, subscriptionId);
        }
        registry.unsubscribe(team, subscriptionId, command -> commands.send(command, null));
        return commands.answer(Response.noContent());
    }

    @GET
    @Path("{subscriptionId}/deliveries")
    @Operation(summary = "The subscription's delivery log, newest first: status, attempts, last answer, next attempt")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeliveryLog.class)))
    @APIResponse(responseCode = "404", description = "The team has no such subscription, and never delivered to it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliveryLog deliveries(@PathParam("team") String team, @PathParam("subscriptionId") String subscriptionId,
                                  @Parameter(description = "page, from 0") @QueryParam("page") String page,
                                  @Parameter(description = "page size, 1..200 (default 50)") @QueryParam("size") String size) {
        int pageNumber = QueryParameters.integer("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = QueryParameters.integer("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        boolean current = subscription(readable(team), subscriptionId) != null;
        DeliveryLog log = registry.deliveries(team, subscriptionId, pageNumber, pageSize);
        // A removed subscription keeps its log for as long as it has one.
        if (!current && log.total() == 0) {
            throw unknown(team, subscriptionId);
        }
        return log;
    }

    private WebhookSubscriptions subscriptions(String team) {
        return queries.query(new FindWebhookSubscriptions(team), ResponseTypes.instanceOf(WebhookSubscriptions.class))
                .join();
    }

    private WebhookSubscriptionView subscription(String team, String subscriptionId) {
        return subscriptions(team).items().stream()
                .filter(s -> s.subscriptionId().equals(subscriptionId)).findFirst().orElse(null);
    }

    private static NotFoundException unknown(String team, String subscriptionId) {
        return new NotFoundException("team " + team + " has no webhook subscription " + subscriptionId);
    }

    /** A team in a path that cannot exist reads as unknown. */
    private static String readable(String team) {
        if (!SLUG.matcher(team).matches()) {
            throw new NotFoundException("no team '" + team + "'");
        }
        return team;
    }
}
