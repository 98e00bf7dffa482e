package io.edgestudio.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which registry an image comes from, and which credentials belong to it. */
class RegistryCredentialsTest {

    @Test
    void theRegistryIsTheFirstComponentWhenItNamesAHost() {
        assertThat(RegistryCredentials.registryOf("myacr.azurecr.io/filter:0.0.1-amd64")).isEqualTo("myacr.azurecr.io");
        assertThat(RegistryCredentials.registryOf("localhost:5000/filter")).isEqualTo("localhost:5000");
        assertThat(RegistryCredentials.registryOf("localhost/filter")).isEqualTo("localhost");
        assertThat(RegistryCredentials.registryOf("mcr.microsoft.com/azureiotedge-hub:1.4")).isEqualTo("mcr.microsoft.com");
        assertThat(RegistryCredentials.registryOf("library/busybox")).isEqualTo("docker.io");
        assertThat(RegistryCredentials.registryOf("busybox")).isEqualTo("docker.io");
    }

    @Test
    void addressesMatchWithoutSchemeCaseOrTrailingSlash() {
        var acr = new RegistryCredentials("https://MyAcr.azurecr.io/", "user", "secret");
        var hub = new RegistryCredentials("index.docker.io", "user", "secret");

        assertThat(acr.isFor("myacr.azurecr.io/filter:1")).isTrue();
        assertThat(acr.isFor("otheracr.azurecr.io/filter:1")).isFalse();
        assertThat(hub.isFor("someone/tool:1")).isTrue();
        assertThat(acr.toString()).doesNotContain("secret");
    }
}
