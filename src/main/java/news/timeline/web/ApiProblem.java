package news.timeline.web;

import java.util.List;

/**
 * A failure the client can act on, rendered as {@code application/problem+json} by {@link ProblemMapper}.
 * Services throw the factory methods' results; resources never build error responses themselves.
 */
public class ApiProblem extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Object existing;

    public ApiProblem(int status, String type, String title, String detail, List<FieldError> errors) {
        this(status, type, title, detail, errors, null);
    }

    private ApiProblem(int status, String type, String title, String detail, List<FieldError> errors, Object existing) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.existing = existing;
    }

    /** 409: what the request would create exists already; {@code existing} is answered as the problem's member of that name. */
    public static ApiProblem duplicate(String detail, Object existing) {
        return new ApiProblem(409, "duplicate", "Duplicate", detail, null, existing);
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(404, "not-found", "Not found", "no " + what + " '" + id + "'", null);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "Conflict", detail, null);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "bad-request", "Bad request", detail, null);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ApiProblem(400, "validation", "Invalid request", detail, errors);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The resource a 409 duplicate refers to, or null. */
    public Object existing() {
        return existing;
    }
}
