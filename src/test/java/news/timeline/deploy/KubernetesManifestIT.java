package news.timeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.MappingIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifest {@code ./mvnw package} generates ({@code target/kubernetes/kubernetes.yml}, quarkus-kubernetes): a
 * Failsafe test, because the manifest is written in the package phase, after the unit tests ran.
 */
class KubernetesManifestIT {

    private static JsonNode deployment;
    private static JsonNode container;

    @BeforeAll
    static void readManifest() throws Exception {
        Path manifest = Path.of(System.getProperty("kubernetes.manifest", "target/kubernetes/kubernetes.yml"));
        assertThat(manifest).as("run ./mvnw package first").exists();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(Files.newBufferedReader(manifest))) {
            for (JsonNode doc : docs.readAll()) {
                if (doc.path("kind").asText().equals("Deployment")) {
                    deployment = doc;
                }
            }
        }
        assertThat(deployment).as("a Deployment in " + manifest).isNotNull();
        container = deployment.at("/spec/template/spec/containers/0");
    }

    @Test
    void twoReplicas() {
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
    }

    @Test
    void livenessAndReadinessAreSmallRyeHealth() {
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/readinessProbe/failureThreshold").asInt()).as("room for the model load").isGreaterThanOrEqualTo(10);
    }

    @Test
    void everySettingOfEnvExampleIsAVariableAndTheSecretsComeFromTheSecret() throws Exception {
        Map<String, JsonNode> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        Set<String> settings = Files.readAllLines(Path.of(".env.example")).stream()
                .filter(l -> l.matches("[A-Z][A-Z0-9_]*=.*")).map(l -> l.substring(0, l.indexOf('=')))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(settings).hasSizeGreaterThan(15);
        assertThat(env.keySet()).containsAll(settings);
        for (String secret : List.of("TIMELINE_API_KEYS", "TIMELINE_DB_PASSWORD")) {
            JsonNode ref = env.get(secret).at("/valueFrom/secretKeyRef");
            assertThat(ref.path("name").asText()).as(secret).isEqualTo("timeline");
            assertThat(env.get(secret).has("value")).as(secret + " has no value in the manifest").isFalse();
        }
        assertThat(env.get("TIMELINE_API_KEYS").at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("api-keys");
        assertThat(env.get("TIMELINE_DB_URL").path("value").asText()).startsWith("jdbc:postgresql://");
        assertThat(env.get("TIMELINE_EXTRACTION").path("value").asText()).isEqualTo("on");
    }

    @Test
    void theContainerGetsRoomForTheLanguageModels() {
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("3584Mi");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    }
}
