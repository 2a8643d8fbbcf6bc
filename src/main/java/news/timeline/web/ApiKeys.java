package news.timeline.web;

import jakarta.enterprise.context.ApplicationScoped;
import news.timeline.config.TimelineConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * The configured API keys and what a request without a valid one is answered, for both places that check them: the
 * API's request filter ({@link ApiKeyFilter}) and the guard of the service's own endpoints under {@code /q}
 * ({@link ManagementKeyGuard}).
 */
@ApplicationScoped
class ApiKeys {

    static final String HEADER = "X-API-Key";

    /** RFC 9110 challenge of a 401: the scheme, and the header the key goes in. */
    static final String CHALLENGE = "ApiKey realm=\"timeline\", header=\"" + HEADER + "\"";

    private final TimelineConfig config;

    ApiKeys(TimelineConfig config) {
        this.config = config;
    }

    List<String> configured() {
        return config.api().keys().orElse(List.of()).stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
    }

    boolean readsRequireKey() {
        return config.api().readRequiresKey();
    }

    /** Null when {@code given} is one of the keys; else the refusal: 401 without a key, 403 with a wrong one. */
    Refusal check(String given) {
        List<String> keys = configured();
        if (given != null && keys.stream().anyMatch(k -> constantTimeEquals(k, given))) {
            return null;
        }
        return given == null
                ? new Refusal(401, "unauthorized", "Unauthorized", "this call needs an API key in the " + HEADER + " header")
                : new Refusal(403, "forbidden", "Forbidden", "the API key is not valid");
    }

    record Refusal(int status, String type, String title, String detail) {
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
