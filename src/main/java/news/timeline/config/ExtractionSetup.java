package news.timeline.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import news.timeline.extraction.ArticleExtractor;

/** Wires the plain-Java extraction pipeline into CDI: built once at start (models and lexicons load eagerly). */
public class ExtractionSetup {

    @Produces
    @Singleton
    @Startup
    ArticleExtractor articleExtractor() {
        return ArticleExtractor.english();
    }
}
