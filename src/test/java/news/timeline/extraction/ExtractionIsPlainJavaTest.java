package news.timeline.extraction;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The extraction package stays plain Java: usable and testable without Quarkus, JPA or JAX-RS. */
class ExtractionIsPlainJavaTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import\\s+(static\\s+)?(io\\.quarkus|jakarta\\.|javax\\.persistence|javax\\.ws|org\\.hibernate|io\\.vertx|io\\.smallrye|org\\.eclipse\\.microprofile|news\\.timeline\\.(?!extraction))");

    @Test
    void importsNothingFromTheFrameworkOrOtherFeatures() throws IOException {
        Path root = Path.of("src/main/java/news/timeline/extraction");
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (FORBIDDEN.matcher(lines.get(i).trim()).find()) {
                        offences.add(root.relativize(f) + ":" + (i + 1) + " " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(offences).as("framework imports in extraction").isEmpty();
    }
}
