package news.timeline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Every setting the service reads under {@code timeline.*}; {@code .env.example} lists their variables. */
@ConfigMapping(prefix = "timeline")
public interface TimelineConfig {

    Api api();

    Http http();

    Imports imports();

    interface Http {
        /** Largest request body outside imports, in bytes (TIMELINE_MAX_BODY_SIZE). */
        @WithDefault("10485760")
        long maxBodyBytes();
    }

    interface Imports {
        /** Largest import upload, in bytes (TIMELINE_IMPORT_MAX_BYTES). */
        @WithDefault("1073741824")
        long maxBytes();
    }

    interface Api {
        /** Keys accepted in {@code X-API-Key} for writes. None configured means writes are open. */
        Optional<List<String>> keys();

        /** When true, reads need a key too. */
        @WithDefault("false")
        boolean readRequiresKey();
    }
}
