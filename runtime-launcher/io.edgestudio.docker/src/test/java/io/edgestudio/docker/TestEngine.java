package io.edgestudio.docker;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.exception.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Docker engine the container tests run against: the one at {@code DOCKER_HOST} (or the default
 * socket), awaited while it starts. Without one the tests are skipped with the reason, except under
 * {@code CI=true}, where a missing engine or test image fails them ({@code .ci/run} starts dockerd and imports
 * the image).
 */
final class TestEngine {

    /** The busybox image the tests run; {@code .ci/run} imports it from busybox-static. */
    static final String IMAGE = System.getenv().getOrDefault("EDGE_TEST_IMAGE", "edgestudio-test/busybox:local");

    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));
    private static final Duration PATIENCE = Duration.ofSeconds(CI ? 60 : 2);

    /** Why no engine answered, once known: later test classes do not wait again. */
    private static String unavailable;

    private TestEngine() {
    }

    /** The engine all tests share, connected once; the JVM's exit closes it. */
    private static DockerEngine shared;

    /**
     * Call it in {@code @BeforeEach}, so that every test reports the skip and its reason.
     *
     * @return the shared engine with the test image present, or the test is skipped (failed under CI)
     */
    static synchronized DockerEngine require() {
        if (shared == null) {
            shared = connectWithImage();
        }
        return shared;
    }

    private static DockerEngine connectWithImage() {
        DockerEngine engine = awaitEngine();
        try {
            engine.client().inspectImageCmd(IMAGE).exec();
        } catch (NotFoundException e) {
            engine.close();
            unavailable("test image " + IMAGE + " is not in the engine at " + engine.host()
                    + "; import a busybox rootfs as .ci/run does (function start_dockerd)");
        }
        return engine;
    }

    /** @return the static busybox binary (busybox-static) the test images are made of */
    static Path busybox() {
        Path busybox = Path.of("/bin/busybox");
        if (!Files.isExecutable(busybox)) {
            unavailable("no static busybox at " + busybox + " (apt-get install busybox-static)");
        }
        return busybox;
    }

    private static synchronized DockerEngine awaitEngine() {
        if (unavailable != null) {
            unavailable(unavailable);
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        NoDockerEngineException last;
        do {
            try {
                return DockerEngine.connect();
            } catch (NoDockerEngineException e) {
                last = e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        unavailable = last.getMessage() + " (waited " + PATIENCE.toSeconds() + " s; set DOCKER_HOST or start "
                + "dockerd as .ci/run does)";
        // Surefire does not print skip reasons: say it once where the build log shows it.
        System.err.println("container tests " + (CI ? "fail" : "skipped") + ": " + unavailable);
        unavailable(unavailable);
        throw new AssertionError("unreachable");
    }

    private static void unavailable(String why) {
        if (CI) {
            fail("CI=true but the container tests cannot run: " + why);
        }
        Assumptions.abort("container tests skipped: " + why);
    }
}
