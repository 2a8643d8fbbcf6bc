package news.timeline.web;

import jakarta.enterprise.context.ApplicationScoped;
import news.timeline.config.TimelineConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configured API keys ({@code TIMELINE_API_KEYS}). An entry {@code name:key} names its key ({@code desk:s3cret}):
 * the client sends {@code s3cret} and what it decides is recorded as decided by {@code desk}. The whole entry is
 * accepted as a key too, so a key that happened to contain a colon before this naming existed keeps working.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Pattern NAMED = Pattern.compile("([A-Za-z0-9._-]{1,64}):(.+)");

    /** One accepted key; {@code name} is null for an unnamed one. */
    record Key(String name, String secret) {
    }

    private final List<Key> keys;

    ApiKeys(TimelineConfig config) {
        this.keys = config.api().keys().orElse(List.of()).stream().map(String::trim).filter(k -> !k.isEmpty())
                .flatMap(k -> {
                    Matcher m = NAMED.matcher(k);
                    return m.matches() ? java.util.stream.Stream.of(new Key(null, k), new Key(m.group(1), m.group(2)))
                            : java.util.stream.Stream.of(new Key(null, k));
                }).toList();
    }

    /** True when no key is configured: the API is open. */
    boolean open() {
        return keys.isEmpty();
    }

    /** True when {@code given} is one of the keys. */
    boolean accepts(String given) {
        return given != null && keys.stream().anyMatch(k -> constantTimeEquals(k.secret(), given));
    }

    /** The name of the key {@code given} (the X-API-Key header), or null when it has none or keys are not configured. */
    public String nameOf(String given) {
        if (given == null) {
            return null;
        }
        return keys.stream().filter(k -> k.name() != null && constantTimeEquals(k.secret(), given)).map(Key::name)
                .findFirst().orElse(null);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
