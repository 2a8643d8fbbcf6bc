package news.timeline.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The extraction layer is plain Java: no Quarkus, CDI, JPA, Jakarta or JAX-RS. */
class ExtractionIsPlainJavaTest {

    @Test
    void importsNoFramework() throws IOException {
        Path root = Path.of("src/main/java/news/timeline/extraction");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readAllLines(p).stream().anyMatch(l -> l.matches(
                            "import\\s+(static\\s+)?(io\\.quarkus|jakarta\\.|javax\\.(ws|persistence|inject|enterprise)|org\\.hibernate|io\\.smallrye)\\..*"));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).toList();
        }
        assertThat(offenders).isEmpty();
    }
}
