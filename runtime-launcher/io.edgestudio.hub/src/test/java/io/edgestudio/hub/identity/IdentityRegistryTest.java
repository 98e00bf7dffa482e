package io.edgestudio.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityRegistryTest {

    @TempDir
    Path state;

    @Test
    void keysAreCreatedOnceAndSurviveReopening() throws Exception {
        ModuleIdentity first = IdentityRegistry.open("dev1", state).ensure(List.of("a")).get(0);
        assertThat(Base64.getDecoder().decode(first.sharedAccessKey())).hasSize(32);

        IdentityRegistry reopened = IdentityRegistry.open("dev1", state);
        assertThat(reopened.find("dev1", "a")).contains(first);
        assertThat(reopened.ensure(List.of("a", "b"))).first().isEqualTo(first);
        assertThat(reopened.find("dev1", "b")).isPresent();
        assertThat(reopened.find("dev2", "a")).isEmpty();
        assertThat(IdentityRegistry.open("dev2", state).find("dev2", "a")).isEmpty();
    }

    @Test
    void connectionStringsAndEnvironmentFiles() throws Exception {
        ModuleIdentity identity = IdentityRegistry.open("dev1", state).ensure(List.of("filter")).get(0);
        ModuleCredentials credentials = new ModuleCredentials("h.local", "localhost", state.resolve("ca.pem"));

        assertThat(credentials.connectionString(identity)).isEqualTo("HostName=h.local;GatewayHostName=localhost;"
                + "DeviceId=dev1;ModuleId=filter;SharedAccessKey=" + identity.sharedAccessKey());
        Path env = credentials.write(identity, state.resolve("modules"));
        assertThat(Files.readAllLines(env)).containsExactly(
                "EdgeHubConnectionString=" + credentials.connectionString(identity),
                "EdgeModuleCACertificateFile=" + state.resolve("ca.pem").toAbsolutePath());
        assertThatThrownBy(() -> new ModuleCredentials("localhost", "localhost", env))
                .hasMessageContaining("dot");
    }
}
