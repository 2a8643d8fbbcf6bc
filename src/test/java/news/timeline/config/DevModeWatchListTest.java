package news.timeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@code quarkus:dev} restarts on a changed rule file only when the file is in
 * {@code %dev.quarkus.live-reload.watched-resources} (Quarkus takes no wildcards there): every data file under
 * {@code src/main/resources/extraction} must be listed, and nothing listed may be missing.
 */
class DevModeWatchListTest {

    @Test
    void everyExtractionDataFileIsWatched() throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            props.load(in);
        }
        String listed = props.getProperty("%dev.quarkus.live-reload.watched-resources");
        assertThat(listed).as("%dev.quarkus.live-reload.watched-resources").isNotBlank();
        Set<String> watched = Arrays.stream(listed.split(",")).map(String::strip).collect(Collectors.toSet());
        Path root = Path.of("src/main/resources");
        List<String> files;
        try (Stream<Path> walk = Files.walk(root.resolve("extraction"))) {
            files = walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
        }
        assertThat(files).isNotEmpty();
        assertThat(watched).as("data files quarkus:dev would not reload").containsAll(files);
        assertThat(files).as("watched files that do not exist").containsAll(watched);
    }
}
