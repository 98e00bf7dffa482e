package io.edgestudio.hub.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local edge's CA and hub server certificate, kept as PEM files in a directory of the state directory.
 * The CA is created once (modules trust {@link #caFile()}); the server certificate is reissued when it lacks
 * a required host name or nears expiry.
 *
 * @param caFile the CA certificate PEM modules trust
 * @param ca the CA certificate
 * @param server the hub server certificate
 * @param serverKey the hub server key
 */
public record HubCertificates(Path caFile, X509Certificate ca, X509Certificate server, PrivateKey serverKey) {

    private static final Logger LOG = LoggerFactory.getLogger(HubCertificates.class);
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration SERVER_VALIDITY = Duration.ofDays(365);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    /**
     * @param directory where the PEM files live (created if needed)
     * @param gatewayHostName the gateway name modules connect to; {@code localhost} and {@code 127.0.0.1} are
     *        always added
     * @return the certificates, loaded or newly issued
     * @throws IOException if the files cannot be read or written
     * @throws GeneralSecurityException if issuing fails
     */
    public static HubCertificates loadOrCreate(Path directory, String gatewayHostName)
            throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        Set<String> names = new LinkedHashSet<>(List.of(gatewayHostName, "localhost", "127.0.0.1"));
        CertificateIssuer issuer = new CertificateIssuer();
        Path caFile = directory.resolve("edge-ca.cert.pem");
        Path caKeyFile = directory.resolve("edge-ca.key.pem");
        Path serverFile = directory.resolve("edge-hub-server.cert.pem");
        Path serverKeyFile = directory.resolve("edge-hub-server.key.pem");
        if (!Files.exists(caFile) || !Files.exists(caKeyFile)) {
            KeyPair keys = issuer.newKeyPair();
            writePem(caKeyFile, keys.getPrivate());
            writePem(caFile, issuer.certificateAuthority(keys, "Edge Studio Local Edge CA", CA_VALIDITY));
            Files.deleteIfExists(serverFile);
            LOG.info("Created the local edge CA {}", caFile);
        }
        X509Certificate ca = readCertificate(caFile);
        if (Files.exists(serverFile) && Files.exists(serverKeyFile) && usable(readCertificate(serverFile), names)) {
            return new HubCertificates(caFile, ca, readCertificate(serverFile), readKey(serverKeyFile));
        }
        KeyPair keys = issuer.newKeyPair();
        X509Certificate server = issuer.server(ca, readKey(caKeyFile), keys.getPublic(), names, SERVER_VALIDITY);
        writePem(serverKeyFile, keys.getPrivate());
        writePem(serverFile, server);
        LOG.info("Issued the hub server certificate for {}", names);
        return new HubCertificates(caFile, ca, server, keys.getPrivate());
    }

    /**
     * @return a Netty server TLS context presenting the server certificate and the CA
     * @throws IOException if Netty rejects the material
     */
    public SslContext serverContext() throws IOException {
        return SslContextBuilder.forServer(serverKey, server, ca).protocols("TLSv1.3", "TLSv1.2").build();
    }

    /** Names the certificates but never prints the key. */
    @Override
    public String toString() {
        return "HubCertificates[ca=" + ca.getSubjectX500Principal() + ", server=" + server.getSubjectX500Principal()
                + ", caFile=" + caFile + "]";
    }

    private static boolean usable(X509Certificate server, Set<String> names) throws CertificateParsingException {
        Set<String> present = new HashSet<>();
        if (server.getSubjectAlternativeNames() != null) {
            server.getSubjectAlternativeNames().forEach(entry -> present.add(String.valueOf(entry.get(1))));
        }
        return present.containsAll(names) && server.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE));
    }

    private static void writePem(Path file, Object object) throws IOException {
        try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(object instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : object);
        }
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (Reader in = Files.newBufferedReader(file); PEMParser pem = new PEMParser(in)) {
            return new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) pem.readObject());
        }
    }

    private static PrivateKey readKey(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file); PEMParser pem = new PEMParser(in)) {
            Object object = pem.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            return object instanceof PEMKeyPair pair ? converter.getKeyPair(pair).getPrivate()
                    : converter.getPrivateKey((PrivateKeyInfo) object);
        }
    }
}
