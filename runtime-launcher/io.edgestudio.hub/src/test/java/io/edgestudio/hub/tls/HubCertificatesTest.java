package io.edgestudio.hub.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubCertificatesTest {

    @TempDir
    Path certs;

    @Test
    void serverCertificateIsSignedByTheCaWithTheRequiredNames() throws Exception {
        HubCertificates created = HubCertificates.loadOrCreate(certs, "edgegateway");

        created.server().verify(created.ca().getPublicKey());
        created.ca().verify(created.ca().getPublicKey());
        assertThat(created.ca().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(created.server().getBasicConstraints()).isEqualTo(-1);
        assertThat(sans(created.server())).containsExactly("edgegateway", "localhost", "127.0.0.1");
        assertThat(Files.readString(created.caFile())).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(created.serverContext().isServer()).isTrue();
    }

    @Test
    void reloadKeepsEverythingAndANewGatewayNameKeepsTheCa() throws Exception {
        HubCertificates created = HubCertificates.loadOrCreate(certs, "edgegateway");

        HubCertificates reloaded = HubCertificates.loadOrCreate(certs, "edgegateway");
        assertThat(reloaded.ca()).isEqualTo(created.ca());
        assertThat(reloaded.server()).isEqualTo(created.server());
        assertThat(reloaded.serverKey().getEncoded()).isEqualTo(created.serverKey().getEncoded());

        HubCertificates renamed = HubCertificates.loadOrCreate(certs, "othergateway");
        assertThat(renamed.ca()).isEqualTo(created.ca());
        assertThat(sans(renamed.server())).contains("othergateway", "localhost");
        renamed.server().verify(created.ca().getPublicKey());
    }

    @Test
    void loadingExistingFilesNeedsNoBouncyCastleAndTheContextServesTls() throws Exception {
        HubCertificates created = HubCertificates.loadOrCreate(certs, "edgegateway");
        String key = Files.readString(certs.resolve("edge-hub-server.key.pem"));
        assertThat(key).startsWith("-----BEGIN PRIVATE KEY-----");

        HubCertificates reloaded = HubCertificates.loadOrCreate(certs, "edgegateway");
        assertThat(reloaded.serverKey().getAlgorithm()).isEqualTo("EC");
        assertThat(reloaded.serverKey().getEncoded()).isEqualTo(created.serverKey().getEncoded());
        javax.net.ssl.SSLEngine engine = reloaded.serverContext().newEngine(io.netty.buffer.ByteBufAllocator.DEFAULT);
        assertThat(engine.getUseClientMode()).isFalse();
        assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
    }

    private static List<String> sans(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames().stream().map(entry -> String.valueOf(entry.get(1))).toList();
    }
}
