package news.timeline.imports;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real start: the spool directory holds what a killed service left (a body two days old, of no job this database
 * knows) and a fresh body of another service sharing the directory; the start removes the first only.
 */
@QuarkusTest
@TestProfile(ImportSpoolAtStartTest.FilesLeftBehind.class)
class ImportSpoolAtStartTest {

    static final Path DIR = Path.of("target/import-spool-at-start");
    static final Path LEFT_BY_A_KILL = DIR.resolve("0e4c6a43-3c0a-4d4b-9a8e-000000000001.upload");
    static final Path ANOTHER_SERVICES = DIR.resolve("0e4c6a43-3c0a-4d4b-9a8e-000000000002.upload");

    public static class FilesLeftBehind implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // imports only: the application restarted for this profile does without the language models
            return Map.of("timeline.imports.spool-directory", DIR.toString(), "timeline.extraction.mode", "off");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LeftBehind.class));
        }
    }

    /** Runs before the service starts. */
    public static class LeftBehind implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                Files.createDirectories(DIR);
                Files.writeString(LEFT_BY_A_KILL, "{}\n");
                Files.setLastModifiedTime(LEFT_BY_A_KILL, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
                Files.writeString(ANOTHER_SERVICES, "{}\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
            try {
                Files.deleteIfExists(ANOTHER_SERVICES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theStartRemovedWhatAStoppedServiceLeftAndKeptAnotherServicesUpload() {
        assertThat(LEFT_BY_A_KILL).doesNotExist();
        assertThat(ANOTHER_SERVICES).exists();
    }
}
