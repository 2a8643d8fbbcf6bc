package news.timeline.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** RFC 9457 problem details; {@code existing} (an extension member) names what a 409 duplicate already is. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<ApiProblem.FieldError> errors,
                      Object existing) {

    public Problem(String type, String title, int status, String detail, String instance, List<ApiProblem.FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://timeline.news/problems/";
}
