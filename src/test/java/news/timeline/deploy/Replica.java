package news.timeline.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One replica of the packaged service ({@code java -jar target/quarkus-app/quarkus-run.jar}) on a port of its own,
 * against a given PostgreSQL, with its log in its own folder and the environment its test gives it.
 */
final class Replica {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String name;
    final int port;
    private final Path folder;
    private final Map<String, String> env;
    private final String heap;
    private Process process;
    private int starts;

    Replica(String name, Path folder, Map<String, String> env) throws IOException {
        this(name, folder, env, "768m");
    }

    /** {@code heap}: the JVM's -Xmx (the language models need 2560m; without them 768m is plenty). */
    Replica(String name, Path folder, Map<String, String> env, String heap) throws IOException {
        this.heap = heap;
        this.name = name;
        this.folder = Files.createDirectories(folder);
        this.env = env;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return folder.resolve("service-" + starts + ".log");
    }

    /** Starts the process and waits until it is ready. */
    void start() throws IOException, InterruptedException {
        launch();
        awaitReady();
    }

    /** Starts the process. */
    void launch() throws IOException {
        starts++;
        Path jar = Path.of(System.getProperty("replicas.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged service at " + jar + ": run ./mvnw package (verify does) first");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Dtimeline.imports.spool-directory=" + folder.resolve("spool").toAbsolutePath(), "-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log().toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("TIMELINE_") || k.startsWith("QUARKUS_"));
        pb.environment().putAll(env);
        pb.environment().put("TIMELINE_HTTP_PORT", Integer.toString(port));
        process = pb.start();
    }

    /** Waits until the process answers ready (its language models loaded, when extraction is on). */
    void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("replica " + name + " stopped at start; see " + log());
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000); // the service logs DOWN once while its models load, not once per probe
        }
        throw new IllegalStateException("replica " + name + " not ready after 600 s; see " + log());
    }

    /** Stops the process as an orchestrator does (SIGTERM, then a kill after 30 s). */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Kills the process with no chance to clean up (SIGKILL), as a crashed machine would. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The lines of every log this replica wrote that are ERROR records. */
    List<String> errorLines() throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= starts; i++) {
            Path f = folder.resolve("service-" + i + ".log");
            if (Files.exists(f)) {
                for (String line : Files.readAllLines(f, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                    if (line.contains(" ERROR ")) {
                        out.add(name + "#" + i + ": " + line);
                    }
                }
            }
        }
        return out;
    }
}
