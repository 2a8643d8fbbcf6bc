package news.timeline.web;

import jakarta.enterprise.context.ApplicationScoped;
import news.timeline.config.TimelineConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configured API keys ({@code TIMELINE_API_KEYS}) and what a request without a valid one is answered, for both
 * places that check them: the API's request filter ({@link ApiKeyFilter}) and the guard of the service's own endpoints
 * under {@code /q} ({@link ManagementKeyGuard}). An entry {@code name:key} names its key ({@code desk:s3cret}): the
 * client sends {@code s3cret} and what it decides is recorded as decided by {@code desk}. The whole entry is accepted
 * as a key too, so a key that happened to contain a colon before this naming existed keeps working.
 */
@ApplicationScoped
public class ApiKeys {

    static final String HEADER = "X-API-Key";

    /** RFC 9110 challenge of a 401: the scheme, and the header the key goes in. */
    static final String CHALLENGE = "ApiKey realm=\"timeline\", header=\"" + HEADER + "\"";

    private static final Pattern NAMED = Pattern.compile("([A-Za-z0-9._-]{1,64}):(.+)");

    /** One accepted key; {@code name} is null for an unnamed one. */
    record Key(String name, String secret) {
    }

    private final TimelineConfig config;
    private final List<Key> keys;

    ApiKeys(TimelineConfig config) {
        this.config = config;
        this.keys = config.api().keys().orElse(List.of()).stream().map(String::trim).filter(k -> !k.isEmpty())
                .flatMap(k -> {
                    Matcher m = NAMED.matcher(k);
                    return m.matches() ? Stream.of(new Key(null, k), new Key(m.group(1), m.group(2))) : Stream.of(new Key(null, k));
                }).toList();
    }

    /** The accepted secrets; empty when no key is configured (the API is open). */
    List<String> configured() {
        return keys.stream().map(Key::secret).toList();
    }

    /** True when no key is configured: the API is open. */
    boolean open() {
        return keys.isEmpty();
    }

    boolean readsRequireKey() {
        return config.api().readRequiresKey();
    }

    /** True when {@code given} is one of the keys. */
    boolean accepts(String given) {
        return given != null && keys.stream().anyMatch(k -> constantTimeEquals(k.secret(), given));
    }

    /** Null when {@code given} is one of the keys; else the refusal: 401 without a key, 403 with a wrong one. */
    Refusal check(String given) {
        if (accepts(given)) {
            return null;
        }
        return given == null
                ? new Refusal(401, "unauthorized", "Unauthorized", "this call needs an API key in the " + HEADER + " header")
                : new Refusal(403, "forbidden", "Forbidden", "the API key is not valid");
    }

    /** The name of the key {@code given} (the X-API-Key header), or null when it has none or keys are not configured. */
    public String nameOf(String given) {
        if (given == null) {
            return null;
        }
        return keys.stream().filter(k -> k.name() != null && constantTimeEquals(k.secret(), given)).map(Key::name)
                .findFirst().orElse(null);
    }

    record Refusal(int status, String type, String title, String detail) {
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
