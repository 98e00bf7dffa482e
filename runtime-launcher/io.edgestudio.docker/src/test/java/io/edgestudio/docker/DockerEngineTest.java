package io.edgestudio.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding an engine, and the answer when there is none. */
class DockerEngineTest {

    @Test
    void aMissingSocketMeansNoEngine(@TempDir Path dir) {
        String host = "unix://" + dir.resolve("docker.sock");

        assertThatThrownBy(() -> DockerEngine.connect(host))
                .isInstanceOfSatisfying(NoDockerEngineException.class, e -> {
                    assertThat(e.host()).isEqualTo(host);
                    assertThat(e.getMessage()).isEqualTo("no Docker engine at " + host + ": socket "
                            + dir.resolve("docker.sock") + " does not exist");
                });
    }

    @Test
    void aRefusedTcpPortMeansNoEngine() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String host = "tcp://127.0.0.1:" + port;

        assertThatThrownBy(() -> DockerEngine.connect(host))
                .isInstanceOf(NoDockerEngineException.class)
                .hasMessageStartingWith("no Docker engine at " + host + ": ")
                .hasMessageContaining("refused");
    }

    @Test
    void somethingThatIsNotAnEngineMeansNoEngine() throws Exception {
        // A server that accepts and closes at once, like a wrong service on the port.
        try (ServerSocket notDocker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                while (!notDocker.isClosed()) {
                    try {
                        notDocker.accept().close();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            String host = "tcp://127.0.0.1:" + notDocker.getLocalPort();

            assertThatThrownBy(() -> DockerEngine.connect(host))
                    .isInstanceOf(NoDockerEngineException.class)
                    .hasMessageStartingWith("no Docker engine at " + host + ": ");
            notDocker.close();
            acceptor.join();
        }
    }

    @Test
    void theConfiguredHostIsDockerHostOrTheDefaultSocket() {
        String fromEnvironment = System.getenv("DOCKER_HOST");
        assertThat(DockerEngine.configuredHost()).isEqualTo(
                fromEnvironment == null || fromEnvironment.isBlank() ? DockerEngine.DEFAULT_HOST : fromEnvironment.trim());
    }

    @Test
    void aRunningEngineAnswersWithItsVersion() {
        DockerEngine engine = TestEngine.require();

        assertThat(engine.host()).isEqualTo(DockerEngine.configuredHost());
        assertThat(engine.version()).isNotBlank();
        assertThat(engine.apiVersion()).matches("\\d+\\.\\d+");
    }
}
