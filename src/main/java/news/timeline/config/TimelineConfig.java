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

    Extraction extraction();

    Subscriptions subscriptions();

    interface Subscriptions {
        /** Whether this replica delivers webhooks (several may: each subscription is served by one at a time). */
        @WithDefault("true")
        boolean deliver();

        /** How often due subscriptions are looked for. */
        @WithDefault("PT1S")
        java.time.Duration pollInterval();

        /** Changes younger than this wait a round, for transactions still committing with earlier sequence numbers. */
        @WithDefault("PT2S")
        java.time.Duration settle();

        /** Connect and response timeout of a delivery. */
        @WithDefault("PT10S")
        java.time.Duration timeout();

        /** Wait after the first failed delivery; doubled after each further one. */
        @WithDefault("PT5S")
        java.time.Duration retryBase();

        /** Longest wait between attempts. */
        @WithDefault("PT15M")
        java.time.Duration retryMax();

        /** Failed deliveries in a row after which a subscription is paused until resumed. */
        @WithDefault("10")
        int maxFailures();

        /** Networks (CIDR) that callbacks may resolve into although loopback, link-local or private (TIMELINE_SUBSCRIPTIONS_ALLOWED_NETWORKS). */
        Optional<List<String>> allowedNetworks();
    }

    Jobs jobs();

    interface Jobs {
        /**
         * How long after its last heartbeat a background job (import, re-extraction) counts as dead, so that another
         * replica fails or takes it over (TIMELINE_JOB_LEASE); the owner beats every quarter of it.
         */
        @WithDefault("PT1M")
        java.time.Duration lease();
    }

    interface Extraction {
        /** on: load the NLP4J language models at start; off: none, article and analyze requests answer 503 (TIMELINE_EXTRACTION). */
        @WithDefault("on")
        String mode();

        /** How long an article or analyze request waits for models still loading before a 503. */
        @WithDefault("PT2M")
        java.time.Duration loadWait();
    }

    interface Http {
        /** Largest request body outside imports, in bytes (TIMELINE_MAX_BODY_BYTES). */
        @WithDefault("10485760")
        long maxBodyBytes();
    }

    interface Imports {
        /** Largest import upload, in bytes (TIMELINE_IMPORT_MAX_BYTES); also enforced while a chunked body streams in. */
        @WithDefault("1073741824")
        long maxBytes();

        /** Records per transaction. */
        @WithDefault("2000")
        int batchSize();

        /**
         * Writer threads (and connections) per import; records are dealt out to them by external id. Two use both
         * cores of a small server; more only help with more cores.
         */
        @WithDefault("2")
        int writers();

        /** Longest accepted line (or CSV record) in bytes; longer ones are rejected alone. */
        @WithDefault("1048576")
        int maxLineBytes();

        /** Errors listed in a report; the rest are only counted. */
        @WithDefault("100")
        int maxErrors();

        /** Where async imports keep the uploaded body until the job has read it (default: the temp directory). */
        Optional<String> spoolDirectory();
    }

    interface Api {
        /** Keys accepted in {@code X-API-Key} for writes. None configured means writes are open. */
        Optional<List<String>> keys();

        /** When true, reads need a key too. */
        @WithDefault("false")
        boolean readRequiresKey();
    }
}
