package org.metriclifecycle.deploy.api;

import java.util.Collection;
import java.util.List;

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
        boolean caughtUp = true;
        for (String metricId : metricIds) {
            caughtUp &= readYourWrites.awaitMetric(metricId);
        }
        for (String team : teams) {
            caughtUp &= readYourWrites.awaitTeam(team);
        }
        return answer(caughtUp, response);
    }

    private Response answer(boolean caughtUp, Response.ResponseBuilder response) {
        if (!caughtUp) {
            response.header(ReadYourWrites.PENDING_HEADER, "true");
        }
        return response.header(RequestContextMetadata.CORRELATION_HEADER, request.correlationId()).build();
    }
}
