package org.metriclifecycle.deploy.api;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.metriclifecycle.deploy.infra.ReadYourWrites;

/**
 * How every write of the API goes: one command carrying the request's metadata, then an answer that waits for
 * the read models of the streams it touched (SPEC's read-your-writes rule).
 */
@RequestScoped
public class CommandSender {

    @Inject
    CommandGateway gateway;
    @Inject
    RequestContextMetadata request;
    @Inject
    ReadYourWrites readYourWrites;

    /** Set while the write runs inside its caller's transaction: waiting must happen after that commits. */
    private Deferred deferred;

    /** The streams a deferred answer waits for once the caller's transaction has committed. */
    public record Deferred(Set<String> metricIds, Set<String> teams) {
    }

    public <R> R send(Object command, String reason) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(request.forCommand(reason)));
    }

    public Response answerForMetric(String metricId, Response.ResponseBuilder response) {
        return answer(response, List.of(metricId), List.of());
    }

    public Response answerForTeam(String team, Response.ResponseBuilder response) {
        return answer(response, List.of(), List.of(team));
    }

    /** For writes that also change the metric's team (deprecation gives a budget slot back). */
    public Response answerForMetricAndItsTeam(String metricId, Response.ResponseBuilder response) {
        String team = readYourWrites.teamOf(metricId);
        return answer(response, List.of(metricId), team == null ? List.of() : List.of(team));
    }

    /** Waits for every stream the write touched, then answers; flags the answer if any view lags behind. */
    public Response answer(Response.ResponseBuilder response, Collection<String> metricIds, Collection<String> teams) {
        if (deferred != null) {
            deferred.metricIds().addAll(metricIds);
            deferred.teams().addAll(teams);
            return response.header(RequestContextMetadata.CORRELATION_HEADER, request.correlationId()).build();
        }
        boolean caughtUp = awaitAll(metricIds, teams);
        return answer(caughtUp, response);
    }

    /** From now on, answers only note the streams they would wait for (see {@link #awaitDeferred}). */
    Deferred deferWaiting() {
        deferred = new Deferred(new LinkedHashSet<>(), new LinkedHashSet<>());
        return deferred;
    }

    void stopDeferring() {
        deferred = null;
    }

    /** After the caller's transaction committed: waits for the noted streams and flags the answer if they lag. */
    Response awaitDeferred(Response response, Deferred streams) {
        deferred = null;
        if (awaitAll(streams.metricIds(), streams.teams())) {
            return response;
        }
        return Response.fromResponse(response).header(ReadYourWrites.PENDING_HEADER, "true").build();
    }

    private boolean awaitAll(Collection<String> metricIds, Collection<String> teams) {
        boolean caughtUp = true;
        for (String metricId : metricIds) {
            caughtUp &= readYourWrites.awaitMetric(metricId);
        }
        for (String team : teams) {
            caughtUp &= readYourWrites.awaitTeam(team);
        }
        return caughtUp;
    }

    private Response answer(boolean caughtUp, Response.ResponseBuilder response) {
        if (!caughtUp) {
            response.header(ReadYourWrites.PENDING_HEADER, "true");
        }
        return response.header(RequestContextMetadata.CORRELATION_HEADER, request.correlationId()).build();
    }
}
