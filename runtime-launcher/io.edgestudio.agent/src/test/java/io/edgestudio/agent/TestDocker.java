package io.edgestudio.agent;

import static org.junit.jupiter.api.Assertions.fail;

import io.edgestudio.docker.ContainerException;
import io.edgestudio.docker.ContainerInfo;
import io.edgestudio.docker.DockerEngine;
import io.edgestudio.docker.NoDockerEngineException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Docker engine the agent's container tests run against: the one at {@code DOCKER_HOST} (or the default
 * socket) with the busybox test image. Without them the tests are skipped with the reason, except under
 * {@code CI=true}, where they fail ({@code .ci/run} starts dockerd and imports the image).
 */
final class TestDocker {

    /** The busybox image; {@code .ci/run} imports it from busybox-static. */
    static final String IMAGE = System.getenv().getOrDefault("EDGE_TEST_IMAGE", "edgestudio-test/busybox:local");

    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));
    private static final Duration PATIENCE = Duration.ofSeconds(CI ? 60 : 2);

    private static DockerEngine engine;
    private static String unavailable;

    private TestDocker() {
    }

    /** @return the engine (shared; closed with the JVM), or the test is skipped (failed under CI) */
    static synchronized DockerEngine require() {
        if (unavailable != null) {
            skipOrFail(unavailable);
        }
        if (engine == null) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            NoDockerEngineException last = null;
            while (engine == null && System.nanoTime() < deadline) {
                try {
                    engine = DockerEngine.connect();
                } catch (NoDockerEngineException e) {
                    last = e;
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            if (engine == null) {
                unavailable = (last == null ? "no Docker engine" : last.getMessage())
                        + " (set DOCKER_HOST or start dockerd as .ci/run does)";
            } else {
                try {
                    if (!engine.containers("probe").hasImage(IMAGE)) {
                        unavailable = "test image " + IMAGE + " is not in the engine at " + engine.host()
                                + "; import a busybox rootfs as .ci/run does (function start_dockerd)";
                    }
                } catch (ContainerException e) {
                    unavailable = e.getMessage();
                }
            }
            if (unavailable != null) {
                System.err.println("agent container tests " + (CI ? "fail" : "skipped") + ": " + unavailable);
                engine = null;
                skipOrFail(unavailable);
            }
        }
        return engine;
    }

    /** @return the containers labelled with the edge id, by the engine's label query */
    static List<ContainerInfo> containers(String edgeId) {
        try {
            return require().containers(edgeId).list();
        } catch (ContainerException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static void skipOrFail(String why) {
        if (CI) {
            fail("CI=true but the container tests cannot run: " + why);
        }
        Assumptions.abort("container tests skipped: " + why);
    }
}
