package news.timeline.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Validates input records with Hibernate Validator and reports every broken field at once as a 400 problem with
 * {@code errors: [{field, message}]}. Services call it, so the rules hold for every caller (REST, imports,
 * extraction), not only for HTTP.
 */
@ApplicationScoped
public class InputValidator {

    private final Validator validator;

    InputValidator(Validator validator) {
        this.validator = validator;
    }

    /** Returns {@code input} when valid; throws {@link ApiProblem} (400) listing every invalid field otherwise. */
    public <T> T check(T input) {
        if (input == null) {
            throw ApiProblem.badRequest(ProblemMapper.BODY_REQUIRED);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            List<ApiProblem.FieldError> errors = violations.stream()
                    .map(v -> new ApiProblem.FieldError(field(v.getPropertyPath()), v.getMessage()))
                    .distinct()
                    .sorted(Comparator.comparing(ApiProblem.FieldError::field).thenComparing(ApiProblem.FieldError::message))
                    .toList();
            throw ApiProblem.invalid(errors);
        }
        return input;
    }

    /** {@code participants[0].actor}, {@code aliases[2]}: the JSON path a client recognises. */
    static String field(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node n : path) {
            if (n.isInIterable()) {
                sb.append('[').append(n.getIndex() != null ? n.getIndex() : n.getKey()).append(']');
            }
            if (n.getKind() == ElementKind.PROPERTY && n.getName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(n.getName());
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }
}
