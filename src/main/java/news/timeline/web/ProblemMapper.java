package news.timeline.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The one place where exceptions become {@code application/problem+json}. Never leaks classes, SQL or stack traces. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** The answer to a missing, null or non-object body, wherever it is noticed. */
    static final String BODY_REQUIRED = "this call needs a JSON object as its request body";

    /** Jackson's words for a raw control character: "Illegal unquoted character ((CTRL-CHAR, code 0))". */
    private static final Pattern CONTROL = Pattern.compile("\\(CTRL-CHAR, code (\\d+)\\)");

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        if (e.existing() != null) {
            Problem p = new Problem(Problem.TYPE_BASE + e.type(), e.title(), e.status(), e.getMessage(), uri == null ? null : uri.getPath(),
                    e.errors(), e.existing());
            return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(p).build();
        }
        return build(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMapper::onParameter)) {
            // @NotNull on a resource's body parameter: a null or missing body, not a field named after a Java parameter
            return build(400, "bad-request", "Bad request", BODY_REQUIRED, uri, List.of());
        }
        List<ApiProblem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ApiProblem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(ApiProblem.FieldError::field))
                .collect(Collectors.toList());
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message() : errors.size() + " fields are invalid";
        return build(400, "validation", "Invalid request", detail, uri, errors);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatch(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response parse(JsonParseException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        JsonParseException syntax = syntaxError(e);
        if (syntax != null) {
            return syntax(syntax, field, uri);
        }
        if (!(e instanceof JsonMappingException)) {
            return build(400, "malformed-json", "Malformed JSON", "the body is not valid JSON" + location(e), uri, List.of());
        }
        if (field.isEmpty()) {
            // the whole body has the wrong shape ([], "text", 123 where an object is read): no field to name
            return build(400, "bad-request", "Bad request", BODY_REQUIRED, uri, List.of());
        }
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (e instanceof InvalidFormatException f) {
            message = "cannot read '" + abbreviate(String.valueOf(f.getValue())) + "' as " + simpleType(f.getTargetType());
        } else if (e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            message = iae.getMessage();
        } else if (e.getCause() instanceof InputCoercionException) {
            message = "is out of range" + (e instanceof MismatchedInputException m && m.getTargetType() != null
                    ? " for " + simpleType(m.getTargetType()) : "");
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "must be " + simpleType(m.getTargetType());
        } else {
            message = "has the wrong type or shape";
        }
        return build(400, "validation", "Invalid request", field + ": " + message, uri, List.of(new ApiProblem.FieldError(field, message)));
    }

    /** What a client needs to know when the JSON reader (or the bytes under it) broke: which byte, which field, why. */
    private static Response syntax(JsonParseException e, String field, UriInfo uri) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        // counted from 1, as the import reports count the bytes of a line (the parser stands just past the bad byte)
        long at = e.getLocation() == null || e.getLocation().getByteOffset() < 1 ? -1 : e.getLocation().getByteOffset();
        if (original.startsWith("Invalid UTF-8")) {
            String where = at < 0 ? "" : " at byte " + at;
            String detail = "the request body is not valid UTF-8" + where + (field.isEmpty() ? "" : " (in " + field + ")")
                    + "; JSON bodies are read as UTF-8";
            return build(400, "invalid-utf8", "Invalid UTF-8", detail, uri,
                    field.isEmpty() ? List.of() : List.of(new ApiProblem.FieldError(field, "is not valid UTF-8" + where)));
        }
        Matcher control = CONTROL.matcher(original);
        if (control.find()) {
            int code = Integer.parseInt(control.group(1));
            String character = String.format("U+%04X", code);
            if (!field.isEmpty() && original.contains("string value")) {
                String message = code == 0 ? JsonSetup.TextWithoutNul.MESSAGE
                        : "contains a raw control character (" + character + "); JSON strings must escape it (\\u" + character.substring(2) + ")";
                return build(400, "validation", "Invalid request", field + ": " + message, uri, List.of(new ApiProblem.FieldError(field, message)));
            }
            return build(400, "malformed-json", "Malformed JSON", "the body is not valid JSON: a raw control character ("
                    + character + ")" + (at < 0 ? location(e) : " at byte " + at), uri, List.of());
        }
        return build(400, "malformed-json", "Malformed JSON", "the body is not valid JSON" + location(e), uri, List.of());
    }

    private static JsonParseException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParseException p) {
                return p;
            }
        }
        return null;
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri); // the JSON reader wraps parse errors (truncated or broken bodies)
        }
        if (status >= 500) {
            LOG.error("request failed", e);
            return build(500, "internal", "Internal error", "the service failed; the error is logged", uri, List.of());
        }
        Response.Status s = Response.Status.fromStatusCode(status);
        String title = s == null ? "Error" : s.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "cannot produce the requested media type";
            case 413 -> "the body is too large";
            case 415 -> "unsupported media type";
            default -> e.getMessage() == null ? title : e.getMessage().replaceAll("(?i)\\b(java|jakarta|org|io)\\.[\\w.$]+", "").trim();
        };
        return build(status, title.toLowerCase().replace(' ', '-'), title, detail, uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (clientGone(e)) {
            // the client hung up while its answer was being written (a timeout, a closed tab, a script that did not
            // read the body): nothing failed here, and nobody is left to read an answer
            LOG.debugf("the client closed the connection before the answer to %s was written: %s",
                    uri == null ? "?" : uri.getPath(), e);
            return build(500, "internal", "Internal error", "the connection was closed", uri, List.of());
        }
        LOG.error("request failed", e);
        return build(500, "internal", "Internal error", "the service failed; the error is logged", uri, List.of());
    }

    /** Messages of the I/O errors Vert.x and the JDK raise on writing to a connection the peer closed. */
    private static final List<String> PEER_CLOSED = List.of("Connection has been closed", "Connection was closed");

    /** Whether {@code e} comes from writing an answer to a client that closed its connection. */
    static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException) {
                return false; // the database's connection, not the client's
            }
            if (t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
            String message = t.getMessage();
            if (t instanceof java.io.IOException && message != null && PEER_CLOSED.stream().anyMatch(message::contains)) {
                return true;
            }
        }
        return false;
    }

    static Response build(int status, String type, String title, String detail, UriInfo uri, List<ApiProblem.FieldError> errors) {
        Problem p = new Problem(Problem.TYPE_BASE + type, title, status, detail, uri == null ? null : uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static boolean onParameter(ConstraintViolation<?> v) {
        jakarta.validation.Path.Node last = null;
        for (jakarta.validation.Path.Node n : v.getPropertyPath()) {
            last = n;
        }
        return last != null && last.getKind() == jakarta.validation.ElementKind.PARAMETER;
    }

    private static String field(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // method.argN.field -> field
        String[] parts = path.split("\\.");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i < 2 && parts.length > 2) {
                continue;
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(parts[i]);
        }
        return out.length() == 0 ? path : out.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (type.isEnum()) {
            Object[] values = type.getEnumConstants();
            return "one of " + java.util.Arrays.stream(values).map(v -> v.toString()).collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "OffsetDateTime", "Instant" -> "a timestamp with offset";
            case "Integer", "int", "Long", "long" -> "an integer";
            case "Double", "double", "Float", "float" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            default -> java.util.Collection.class.isAssignableFrom(type) || type.isArray() ? "a list"
                    : java.util.Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : type.getSimpleName().toLowerCase();
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
