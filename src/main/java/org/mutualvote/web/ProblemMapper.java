package org.mutualvote.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The one home of error mapping: every failure leaves as RFC 9457 problem+json, never a stack trace. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final long DATABASE_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(v.getPropertyPath()), v.getMessage(),
                    kebab(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()), limits(v)));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        Problem p = Problem.of(400, "Invalid request", "One or more fields are invalid").withErrors(errors).withCode("invalid");
        return respond(p, uri);
    }

    /**
     * The bounds a constraint states ({@code @Size}'s min and max, {@code @Min}'s value), so a client can say "at most
     * 200 characters" in its reader's words. Bounds that bind nothing (a size's min 0, max unbounded) are left out;
     * {@code of} says whether a size counts characters or items.
     */
    static Map<String, Object> limits(ConstraintViolation<?> v) {
        Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
        Map<String, Object> limits = new LinkedHashMap<>();
        for (String name : List.of("min", "max", "value")) {
            Object bound = attributes.get(name);
            if (bound instanceof Number n && !((name.equals("min") && n.longValue() == 0) || (name.equals("max") && n.longValue() == Integer.MAX_VALUE))) {
                limits.put(name, n);
            } else if (bound instanceof String text && name.equals("value")) {
                limits.put(name, text);
            }
        }
        if (v.getConstraintDescriptor().getAnnotation() instanceof Size) {
            limits.put("of", v.getInvalidValue() instanceof CharSequence || v.getInvalidValue() == null ? "characters" : "items");
        }
        return limits;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !jsonPath(mapping).isEmpty()) {
            return wrongJsonShape(mapping, uri);
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String why = e instanceof StreamReadException && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                ? ": " + e.getOriginalMessage() : "";
        return respond(Problem.of(400, "Malformed JSON", "The request body is not valid JSON" + where + why)
                .withCode("malformed-json"), uri);
    }

    /** Overrides Quarkus's own mapper for a value of the wrong type, which answers in plain JSON. */
    @ServerExceptionMapper
    public RestResponse<Problem> wrongType(MismatchedInputException e, UriInfo uri) {
        return wrongJsonShape(e, uri);
    }

    /** Valid JSON of the wrong shape: names the field, and says why when a value was refused (an unknown enum key). */
    private RestResponse<Problem> wrongJsonShape(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String why = e.getCause() instanceof IllegalArgumentException refused ? refused.getMessage() : "wrong type or format";
        String detail = field.isEmpty() ? "The request body does not have the expected shape"
                : "Field '" + field + "' is not valid: " + why;
        return respond(Problem.of(400, "Malformed JSON", detail).withCode("malformed-json")
                .withErrors(field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, why, "wrong-type"))), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthenticated(UnauthorizedException e, UriInfo uri) {
        return respond(Problem.of(401, "Unauthorized", "Log in or send a valid bearer token"), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> badCredentials(AuthenticationFailedException e, UriInfo uri) {
        return respond(Problem.of(401, "Unauthorized", "The credentials sent are not valid"), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "Forbidden", "Your roles do not allow this"), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, UriInfo uri) {
        // Quarkus REST wraps a body that Jackson could not read in a plain 400.
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri);
        }
        Response r = e.getResponse();
        int status = r.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = r.getStatusInfo();
        String detail = switch (status) {
            case 404 -> "There is nothing at " + uri.getPath();
            case 405 -> "This method is not allowed here";
            case 406 -> "This resource cannot answer in the media type asked for";
            case 415 -> "This endpoint does not take a body of that media type (see /q/openapi for what it takes)";
            default -> e.getMessage();
        };
        return respond(Problem.of(status, type.getReasonPhrase(), detail), uri);
    }

    /**
     * Two requests raced for the same unique value (a second sign-up, an email taken a moment ago) or the
     * same row: the database refused the loser, whose transaction rolled back. A conflict, not a 500.
     */
    @ServerExceptionMapper
    public RestResponse<Problem> raced(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return respond(Problem.of(409, "Conflict",
                "This conflicts with a record that was saved at the same moment; reload and try again"), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> stale(jakarta.persistence.OptimisticLockException e, UriInfo uri) {
        return respond(Problem.of(409, "Conflict", "Someone else changed this record meanwhile; reload and try again"), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Exception e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return unavailable("The service cannot reach its database just now; nothing was changed. Try again shortly",
                    uri == null ? null : uri.getPath(), DATABASE_RETRY_AFTER_SECONDS);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return respond(Problem.of(500, "Internal error", "Something went wrong on our side (incident " + incident + ")"), uri);
    }

    /** 503 with Retry-After: something the service needs (its database, its login provider) is away for now. */
    public static RestResponse<Problem> unavailable(String detail, String path, long retryAfterSeconds) {
        Problem p = Problem.of(503, "Service unavailable", detail).withInstance(path);
        return RestResponse.ResponseBuilder.<Problem> create(503).entity(p).type(Problem.MEDIA_TYPE)
                .header("Retry-After", String.valueOf(retryAfterSeconds)).build();
    }

    /**
     * A connection that could not be opened or was lost (SQLState class 08, the pool timing out while the
     * server is down): the request did nothing, and the client may simply retry, so 503 with Retry-After.
     */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                    || (sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")))) {
                return true;
            }
        }
        return false;
    }

    private static RestResponse<Problem> respond(Problem p, UriInfo uri) {
        Problem withInstance = p.instance() == null && uri != null ? p.withInstance(uri.getPath()) : p;
        RestResponse.ResponseBuilder<Problem> r = RestResponse.ResponseBuilder.<Problem> create(p.status()).entity(withInstance)
                .type(Problem.MEDIA_TYPE);
        if (p.status() == 429) {
            r.header("Retry-After", String.valueOf(RateLimiter.WINDOW_SECONDS));
        }
        return r.build();
    }

    /** "NotBlank" becomes "not-blank", "AssertTrue" "assert-true": a constraint's name as a field error's code. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** "create.request.name" becomes "name"; a query parameter keeps its own name. */
    private static String fieldName(Path path) {
        List<String> afterParameter = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                afterParameter.clear();
            } else if (node.getKind() != ElementKind.METHOD && node.getName() != null) {
                afterParameter.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            }
        }
        if (!afterParameter.isEmpty()) {
            return String.join(".", afterParameter);
        }
        return parameter != null ? parameter : path.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
