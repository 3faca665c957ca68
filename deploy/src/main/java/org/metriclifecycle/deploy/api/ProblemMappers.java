package org.metriclifecycle.deploy.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.metriclifecycle.command.BudgetExceededException;
import org.metriclifecycle.command.InvalidCommandException;
import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.command.UnknownHypothesisException;
import org.metriclifecycle.command.UnknownShadowCheckException;
import org.metriclifecycle.command.UnknownWebhookSubscriptionException;
import org.metriclifecycle.deploy.ops.DatabaseOutage;
import org.metriclifecycle.deploy.ops.DatabaseSelection;
import org.metriclifecycle.deploy.security.AuthConfig;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Every failure the API answers becomes an RFC 9457 problem; nothing leaks a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ConfigProperty(name = DatabaseSelection.RESOLVED_AUTH_MODE)
    String authMode;

    @ServerExceptionMapper
    public Response invalidValues(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .collect(Collectors.toList());
        return Problem.invalid("the request has invalid fields", path(uri), errors).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return Problem.invalid("unknown field '" + e.getPropertyName() + "'", path(uri),
                List.of(new Problem.FieldError(field, "is not a field of this request"))).toResponse();
    }

    /** Named exactly: Quarkus maps this type itself (an empty 400), and the closest mapper wins. */
    @ServerExceptionMapper
    public Response mismatchedValue(MismatchedInputException e, UriInfo uri) {
        return unreadableValue(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableValue(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = expectation(e);
        if (field.isEmpty()) {
            return Problem.invalid("the body is not a valid JSON object for this request: " + message, path(uri),
                    List.of()).toResponse();
        }
        return Problem.invalid("field '" + field + "' has an invalid value", path(uri),
                List.of(new Problem.FieldError(field, message))).toResponse();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return Problem.invalid("the body is not well-formed JSON: " + firstLine(e.getOriginalMessage()), path(uri),
                List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        return Problem.invalid("the body could not be read: " + firstLine(e.getOriginalMessage()), path(uri),
                List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return signIn(uri);
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e, UriInfo uri) {
        return signIn(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(Response.Status.FORBIDDEN, "forbidden", "Forbidden",
                e.getMessage() == null ? "your role does not allow this here" : e.getMessage(), path(uri)).toResponse();
    }

    private Response signIn(UriInfo uri) {
        Response problem = Problem.of(Response.Status.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                "sign in: " + (AuthConfig.BASIC.equals(authMode) ? "HTTP Basic with a user of the users file"
                        : "a bearer token from the OIDC provider"), path(uri)).toResponse();
        String challenge = AuthConfig.BASIC.equals(authMode) ? "Basic realm=\"metric-lifecycle\", charset=\"UTF-8\""
                : "Bearer realm=\"metric-lifecycle\"";
        return Response.fromResponse(problem).header("WWW-Authenticate", challenge).build();
    }

    @ServerExceptionMapper
    public Response invalidCommand(InvalidCommandException e, UriInfo uri) {
        return Problem.invalid(e.getMessage(), path(uri),
                List.of(new Problem.FieldError(e.field(), e.getMessage()))).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, UriInfo uri) {
        return Problem.invalid(e.getMessage(), path(uri), e.errors()).toResponse();
    }

    @ServerExceptionMapper
    public Response idempotencyKey(IdempotencyKeyException e, UriInfo uri) {
        if (e.kind() == IdempotencyKeyException.Kind.MALFORMED) {
            return Problem.invalid(e.getMessage(), path(uri),
                    List.of(new Problem.FieldError(IdempotentWrites.KEY_HEADER, e.getMessage()))).toResponse();
        }
        return Problem.of(e.kind().status, e.kind().type, e.kind().title, e.getMessage(), path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(LifecycleConflictException e, UriInfo uri) {
        return Problem.of(Response.Status.CONFLICT, "lifecycle-conflict", "Lifecycle conflict", e.getMessage(),
                path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response overBudget(BudgetExceededException e, UriInfo uri) {
        return Problem.of(Response.Status.CONFLICT, "metric-budget-exceeded", "Metric budget exceeded", e.getMessage(),
                path(uri)).toResponse(Map.of(
                        "team", e.team(),
                        "coreMetricLimit", e.coreMetricLimit(),
                        "metricsCounted", e.metricsCounted()));
    }

    @ServerExceptionMapper
    public Response concurrentChange(ConcurrencyException e, UriInfo uri) {
        return Problem.of(Response.Status.CONFLICT, "concurrent-change", "Concurrent change",
                "the metric was changed concurrently; retry the request", path(uri)).toResponse();
    }

    /** Two instances created the same stream at once (a team's first metric): the same race, the same answer. */
    @ServerExceptionMapper
    public Response concurrentCreation(AggregateStreamCreationException e, UriInfo uri) {
        return Problem.of(Response.Status.CONFLICT, "concurrent-change", "Concurrent change",
                "the metric was changed concurrently; retry the request", path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownMetric(AggregateNotFoundException e, UriInfo uri) {
        return Problem.of(Response.Status.NOT_FOUND, "unknown-metric", "Unknown metric",
                "no metric with id '" + e.getAggregateIdentifier() + "'", path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownHypothesis(UnknownHypothesisException e, UriInfo uri) {
        return Problem.of(Response.Status.NOT_FOUND, "unknown-hypothesis", "Unknown hypothesis", e.getMessage(),
                path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownShadowCheck(UnknownShadowCheckException e, UriInfo uri) {
        return Problem.of(Response.Status.NOT_FOUND, "unknown-shadow-check", "Unknown shadow check", e.getMessage(),
                path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownWebhook(UnknownWebhookSubscriptionException e, UriInfo uri) {
        return Problem.of(Response.Status.NOT_FOUND, "unknown-webhook", "Unknown webhook subscription", e.getMessage(),
                path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP 404")
                ? "no such resource" : e.getMessage();
        return Problem.of(Response.Status.NOT_FOUND, "not-found", "Not found", detail, path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response bodyTooLarge(BodyTooLarge.Exceeded e, UriInfo uri) {
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "body-too-large", "Body too large", e.getMessage(),
                path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response malformedUtf8(StrictUtf8.Malformed e, UriInfo uri) {
        return Problem.invalid(e.getMessage(), path(uri), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri) {
        return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "the body must be application/json", path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return Problem.of(Response.Status.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "this resource answers application/json", path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException e, UriInfo uri) {
        Response problem = Problem.of(Response.Status.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                "this resource does not answer that method", path(uri)).toResponse();
        return Response.fromResponse(problem).allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response otherHttp(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        return new Problem("about:blank", title, status, firstLine(e.getMessage()), path(uri), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseOutage.causes(e)) {
            return DatabaseUnavailable.problem(e, path(uri));
        }
        LOG.error("unexpected failure", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request could not be completed; nothing acknowledged was lost", path(uri)).toResponse();
    }

    private static String field(ConstraintViolation<?> violation) {
        // The path runs method, parameter, then the body's property: the last node is what the client sent.
        String last = "";
        for (Path.Node node : violation.getPropertyPath()) {
            // An element of a list ("<list element>") is reported as its list's field.
            if (node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                last = node.getName();
            }
        }
        return last;
    }

    /** Says what the field needs in the API's words, not Jackson's (which name Java classes). */
    private static String expectation(JsonMappingException e) {
        if (e instanceof ApiJson.Refused) {
            return e.getOriginalMessage();
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            return e.getOriginalMessage() == null ? "has an invalid value" : firstLine(e.getOriginalMessage());
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "must be an integer";
        }
        if (target == Double.class || target == double.class) {
            return "must be a number";
        }
        if (target == LocalDate.class) {
            return "must be a date YYYY-MM-DD";
        }
        if (target == Instant.class) {
            return "must be an ISO-8601 UTC instant";
        }
        if (target == java.time.Duration.class || target == org.metriclifecycle.events.RotationPeriod.class) {
            return "must be an ISO-8601 duration in a JSON string";
        }
        if (target == String.class) {
            return "must be a string";
        }
        return "has an invalid value";
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return null;
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
