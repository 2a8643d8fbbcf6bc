package news.timeline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * STYLE.md habit 2: the three fact features depend on each other in one direction only, {@code actors} on none of
 * them, {@code events} on {@code actors}, {@code agreements} on both; operations spanning them (deleting or merging an
 * actor, retracting an article) live above them ({@code curation}, {@code articles}). Read from the sources' imports.
 */
class FeatureDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/news/timeline");
    private static final Set<String> FEATURES = Set.of("actors", "events", "agreements", "articles", "curation",
            "chronology", "imports", "export", "review");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "actors", Set.of(),
            "events", Set.of("actors"),
            "agreements", Set.of("actors", "events"));
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?news\\.timeline\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void actorsKnowNoOtherFeatureEventsKnowActorsAgreementsKnowBoth() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> feature : ALLOWED.entrySet()) {
            try (Stream<Path> files = Files.list(SOURCES.resolve(feature.getKey()))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = IMPORT.matcher(Files.readString(f));
                    while (m.find()) {
                        String used = m.group(1);
                        if (FEATURES.contains(used) && !used.equals(feature.getKey()) && !feature.getValue().contains(used)) {
                            wrong.add(feature.getKey() + "/" + f.getFileName() + " uses " + used);
                        }
                    }
                }
            }
        }
        assertThat(wrong).as("imports against the features' order").isEmpty();
    }
}
