package io.edgestudio.hub.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local edge's CA and hub server certificate, kept as PEM files in a directory of the state directory.
 * The CA is created once (modules trust {@link #caFile()}); the server certificate is reissued when it lacks
 * a required host name or nears expiry. Loading existing files and making the TLS context use the JDK alone;
 * BouncyCastle ({@link CertificateIssuer}) is loaded only when something must be issued.
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
    private static final Pattern PKCS8_PEM = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final char[] IN_MEMORY_PASSWORD = "edge".toCharArray();

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
        Path caFile = directory.resolve("edge-ca.cert.pem");
        Path caKeyFile = directory.resolve("edge-ca.key.pem");
        Path serverFile = directory.resolve("edge-hub-server.cert.pem");
        Path serverKeyFile = directory.resolve("edge-hub-server.key.pem");
        if (!Files.exists(caFile) || !Files.exists(caKeyFile)) {
            CertificateIssuer issuer = new CertificateIssuer();
            KeyPair keys = issuer.newKeyPair();
            CertificateIssuer.writePem(caKeyFile, keys.getPrivate());
            CertificateIssuer.writePem(caFile,
                    issuer.certificateAuthority(keys, "Edge Studio Local Edge CA", CA_VALIDITY));
            Files.deleteIfExists(serverFile);
            LOG.info("Created the local edge CA {}", caFile);
        }
        X509Certificate ca = readCertificate(caFile);
        if (Files.exists(serverFile) && Files.exists(serverKeyFile) && usable(readCertificate(serverFile), names)) {
            return new HubCertificates(caFile, ca, readCertificate(serverFile), readKey(serverKeyFile));
        }
        CertificateIssuer issuer = new CertificateIssuer();
        KeyPair keys = issuer.newKeyPair();
        X509Certificate server = issuer.server(ca, readKey(caKeyFile), keys.getPublic(), names, SERVER_VALIDITY);
        CertificateIssuer.writePem(serverKeyFile, keys.getPrivate());
        CertificateIssuer.writePem(serverFile, server);
        LOG.info("Issued the hub server certificate for {}", names);
        return new HubCertificates(caFile, ca, server, keys.getPrivate());
    }

    /**
     * A Netty server TLS context on the JDK's TLS, made from a JDK {@link SSLContext} directly (Netty's own
     * server-context builder first tries out a sample key, with BouncyCastle when it is on the class path).
     *
     * @return a Netty server TLS context presenting the server certificate and the CA, TLS 1.3 and 1.2
     * @throws IOException if the JDK rejects the material
     */
    public SslContext serverContext() throws IOException {
        try {
            KeyStore keys = KeyStore.getInstance("JKS"); // in memory only; PKCS12 would encrypt the key slowly
            keys.load(null, null);
            keys.setKeyEntry("server", serverKey, IN_MEMORY_PASSWORD, new Certificate[] { server, ca });
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, IN_MEMORY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return new JdkSslContext(context, false, null, IdentityCipherSuiteFilter.INSTANCE, null, ClientAuth.NONE,
                    new String[] { "TLSv1.3", "TLSv1.2" }, false);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the hub's TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * Signs once with the server key, as each TLS handshake does: the JDK builds its tables for the key's curve on
     * first use, which would otherwise slow the first module connections.
     */
    public void warmUp() {
        try {
            Signature signature = Signature.getInstance(serverKey.getAlgorithm().equals("EC") ? "SHA256withECDSA"
                    : "SHA256with" + serverKey.getAlgorithm());
            signature.initSign(serverKey);
            signature.update(server.getEncoded());
            signature.sign();
        } catch (GeneralSecurityException e) {
            LOG.debug("Could not sign with the server key ahead of the first handshake", e);
        }
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

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** Reads a PKCS#8 PEM key (as written here) with the JDK; other PEM key forms through BouncyCastle. */
    private static PrivateKey readKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher matcher = PKCS8_PEM.matcher(pem);
        if (matcher.find()) {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
            try {
                return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException notEc) {
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            }
        }
        return CertificateIssuer.readPemKey(file);
    }
}
