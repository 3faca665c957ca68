package org.metriclifecycle.deploy.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * How every write of the API goes: one command carrying the request's metadata. The command's views commit in its
 * own transaction, so once it returns every read, on any instance, sees it: the answer waits for nothing.
 */
@RequestScoped
public class CommandSender {

    @Inject
    CommandGateway gateway;
    @Inject
    RequestContextMetadata request;

    public <R> R send(Object command, String reason) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(request.forCommand(reason)));
    }

    /** The answer to a write, carrying the request's correlation id. */
    public Response answer(Response.ResponseBuilder response) {
        return response.header(RequestContextMetadata.CORRELATION_HEADER, request.correlationId()).build();
    }
}
