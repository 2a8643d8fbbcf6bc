package news.timeline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Every setting the service reads under {@code timeline.*}; {@code .env.example} lists their variables. */
@ConfigMapping(prefix = "timeline")
public interface TimelineConfig {

    Api api();

    Imports imports();

    interface Api {
        /** Keys accepted in {@code X-API-Key} for writes. None configured means writes are open. */
        Optional<List<String>> keys();

        /** When true, reads need a key too. */
        @WithDefault("false")
        boolean readRequiresKey();
    }

    /** Bulk imports ({@code POST /api/v1/imports/events}). */
    interface Imports {
        /** Largest import body accepted, enforced while streaming (413 beyond). */
        @WithDefault("4G")
        io.quarkus.runtime.configuration.MemorySize maxBytes();

        /** Largest body of every other request. */
        @WithDefault("10M")
        io.quarkus.runtime.configuration.MemorySize otherMaxBytes();

        /** Records per transaction. */
        @WithDefault("1000")
        int batchSize();

        /** Longest accepted line (or CSV record) in bytes; longer ones are rejected alone. */
        @WithDefault("1M")
        io.quarkus.runtime.configuration.MemorySize maxLineBytes();

        /** Errors listed in a report; the rest are only counted. */
        @WithDefault("100")
        int maxErrors();

        /** Where async imports keep the uploaded body until the job has read it. */
        Optional<String> spoolDirectory();
    }
}
