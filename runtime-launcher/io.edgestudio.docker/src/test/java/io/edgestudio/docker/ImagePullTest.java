package io.edgestudio.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A missing image is pulled with progress reports; a present one is not pulled again. */
class ImagePullTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private DockerEngine engine;
    private LocalRegistry registry;
    private ModuleContainers edge;

    @BeforeEach
    void startRegistry() throws Exception {
        engine = TestEngine.require();
        registry = new LocalRegistry(TestEngine.busybox(), "edgestudio-test/pulled", UUID.randomUUID().toString());
        edge = engine.containers("pull-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (registry == null) {
            return;
        }
        try {
            edge.removeLeftovers();
            engine.client().removeImageCmd(registry.image()).withForce(true).exec();
        } catch (NotFoundException e) {
            // not pulled
        } finally {
            registry.close();
        }
    }

    @Test
    void aMissingImageIsPulledWithProgressAndAPresentOneIsNotPulledAgain() throws Exception {
        RecordedOutput output = new RecordedOutput();
        ContainerSpec spec = new ContainerSpec("pulled", registry.image(), Map.of(),
                "{\"Cmd\": [\"echo\", \"pulled and running\"]}");

        ModuleContainer first = edge.start(spec, output);

        assertThat(first.awaitExit(TIMEOUT)).isZero();
        assertThat(output.lines()).containsExactly("stdout: pulled and running");
        assertThat(output.pulls()).isNotEmpty().allMatch(p -> p.image().equals(registry.image()));
        assertThat(output.pulls()).extracting(PullProgress::status).contains("Pull complete");
        int requestsAfterPull = registry.requests();
        assertThat(requestsAfterPull).isPositive();

        RecordedOutput again = new RecordedOutput();
        ModuleContainer second = edge.start(spec, again);

        assertThat(second.awaitExit(TIMEOUT)).isZero();
        assertThat(again.pulls()).isEmpty();
        assertThat(registry.requests()).as("requests to the registry").isEqualTo(requestsAfterPull);
    }
}
