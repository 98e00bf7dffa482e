package io.edgestudio.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.List;
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
            removeImage(registry.image());
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

    @Test
    void aPrivateRegistryIsPulledFromWithTheCredentialsForItsAddress() throws Exception {
        try (LocalRegistry secured = new LocalRegistry(TestEngine.busybox(), "edgestudio-test/private",
                UUID.randomUUID().toString(), "edge", "s3cret")) {
            String address = secured.image().substring(0, secured.image().indexOf('/'));
            ContainerSpec spec = new ContainerSpec("private", secured.image(), Map.of(), "{\"Cmd\": [\"echo\", \"in\"]}");
            try {
                assertThatThrownBy(() -> edge.start(spec, ModuleOutput.DISCARD))
                        .isInstanceOf(ContainerException.class)
                        .hasMessageStartingWith("module private: cannot pull image " + secured.image());

                ModuleContainers withCredentials = engine.containers(edge.edgeId(), List.of(
                        new RegistryCredentials("other.example:5000", "nobody", "wrong"),
                        new RegistryCredentials("https://" + address + "/", "edge", "s3cret")));
                RecordedOutput output = new RecordedOutput();
                assertThat(withCredentials.start(spec, output).awaitExit(TIMEOUT)).isZero();
                assertThat(output.lines()).containsExactly("stdout: in");
            } finally {
                removeImage(secured.image());
            }
        }
    }

    private void removeImage(String image) {
        try {
            engine.client().removeImageCmd(image).withForce(true).exec();
        } catch (NotFoundException e) {
            // not pulled
        }
    }
}
