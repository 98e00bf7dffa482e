package io.edgestudio.docker.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.docker.ContainerSpec;
import io.edgestudio.docker.DockerEngine;
import io.edgestudio.docker.ModuleContainer;
import io.edgestudio.docker.ModuleContainers;
import io.edgestudio.docker.PullPolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long a module container takes from {@code start} to its first output line, to its exit, and to a graceful
 * stop, with a present image (no pull). Needs an engine with the test image (as in {@code .ci/run}). Run with
 * {@code -Dedge.benchmark=true -Dtest=ContainerStartBenchmark}; prints its numbers.
 */
@EnabledIfSystemProperty(named = "edge.benchmark", matches = "true")
class ContainerStartBenchmark {

    private static final int ROUNDS = Integer.getInteger("edge.benchmark.rounds", 20);
    private static final String IMAGE = System.getenv().getOrDefault("EDGE_TEST_IMAGE", "edgestudio-test/busybox:local");

    @Test
    void startToFirstLineExitAndStop() throws Exception {
        try (DockerEngine engine = DockerEngine.connect()) {
            ModuleContainers edge = engine.containers("benchmark");
            edge.removeLeftovers();
            long[] firstLine = new long[ROUNDS];
            long[] exit = new long[ROUNDS];
            long[] stop = new long[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                CompletableFuture<Long> printed = new CompletableFuture<>();
                long t0 = System.nanoTime();
                ModuleContainer once = edge.start(new ContainerSpec("once", IMAGE, Map.of(),
                        "{\"Cmd\": [\"echo\", \"ready\"]}", PullPolicy.NEVER),
                        (module, stream, line) -> printed.complete(System.nanoTime()));
                firstLine[i] = printed.get(30, TimeUnit.SECONDS) - t0;
                assertThat(once.awaitExit(Duration.ofSeconds(30))).isZero();
                exit[i] = System.nanoTime() - t0;

                ModuleContainer running = edge.start(new ContainerSpec("running", IMAGE, Map.of(),
                        "{\"Cmd\": [\"sh\", \"-c\", \"trap 'exit 0' TERM; echo up; while true; do sleep 0.05; done\"]}",
                        PullPolicy.NEVER), (module, stream, line) -> { });
                long s0 = System.nanoTime();
                assertThat(running.stop(Duration.ofSeconds(10))).isZero();
                stop[i] = System.nanoTime() - s0;
            }
            edge.removeLeftovers();
            System.out.printf("container start (%s, %s, %d rounds, image present):%n", engine, IMAGE, ROUNDS);
            print("start → first output line", firstLine);
            print("start → exit code", exit);
            print("graceful stop (SIGTERM handled)", stop);
        }
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("  %-34s median %4d ms, p90 %4d ms, max %4d ms%n", what, sorted[sorted.length / 2] / 1_000_000,
                sorted[(int) (sorted.length * 0.9)] / 1_000_000, sorted[sorted.length - 1] / 1_000_000);
    }
}
