package io.edgestudio.hub.testing;

import io.edgestudio.hub.core.EdgeHub;
import io.edgestudio.hub.core.HubSettings;
import io.edgestudio.hub.core.MessageRouting;
import io.edgestudio.hub.identity.IdentityRegistry;
import io.edgestudio.hub.identity.ModuleIdentity;
import io.edgestudio.hub.identity.SharedAccessSignature;
import io.edgestudio.hub.mqtt.MqttServer;
import io.edgestudio.hub.store.MessageStore;
import io.edgestudio.hub.tls.HubCertificates;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A real hub with a TLS MQTT listener on a loopback address, and Paho clients that speak like the SDK. */
public final class TestHub implements AutoCloseable {

    public static final String HUB_HOST = "h.local";
    public static final String DEVICE = "dev1";

    public final EdgeHub hub;
    public final MqttServer server;
    public final IdentityRegistry identities;
    public final HubCertificates certificates;
    private final List<MqttClient> clients = new java.util.concurrent.CopyOnWriteArrayList<>();

    private TestHub(EdgeHub hub, MqttServer server, IdentityRegistry identities, HubCertificates certificates) {
        this.hub = hub;
        this.server = server;
        this.identities = identities;
        this.certificates = certificates;
    }

    /**
     * @param state a temporary directory
     * @param settings the hub settings
     * @param store the store
     * @param routing the routing
     * @param bind where to listen
     * @param modules the module identities to create
     * @return the started hub
     * @throws Exception if it cannot start
     */
    public static TestHub start(Path state, HubSettings settings, MessageStore store,
            Function<IdentityRegistry, MessageRouting> routing, InetSocketAddress bind, String... modules)
            throws Exception {
        IdentityRegistry identities = IdentityRegistry.open(DEVICE, state);
        identities.ensure(List.of(modules));
        HubCertificates certificates = HubCertificates.loadOrCreate(state.resolve("certs"), bind.getHostString());
        EdgeHub hub = new EdgeHub(settings, identities, store, routing.apply(identities),
                new io.edgestudio.hub.twin.InMemoryTwinStore(), Clock.systemUTC());
        MqttServer server = MqttServer.start(hub, bind, certificates.serverContext(), Duration.ofMillis(1500));
        return new TestHub(hub, server, identities, certificates);
    }

    /**
     * Starts a hub on port 8883 (the SDK's fixed port) of a free loopback address 127.0.0.x, so test classes
     * and other local edges do not collide.
     */
    public static TestHub startOnSdkPort(Path state, HubSettings settings, MessageStore store,
            Function<IdentityRegistry, MessageRouting> routing, String... modules) throws Exception {
        int first = 2 + new java.util.Random().nextInt(250);
        for (int i = 0; i < 250; i++) {
            String host = "127.0.0." + (2 + (first + i) % 250);
            try {
                return start(state, settings, store, routing, new InetSocketAddress(host, 8883), modules);
            } catch (java.net.BindException inUse) {
                // try the next address
            }
        }
        throw new IllegalStateException("no free loopback address with port 8883");
    }

    /** @return the gateway host name modules use: the bind address (the certificate carries it) */
    public String gatewayHostName() {
        return server.address().getHostString();
    }

    public ModuleIdentity identity(String module) {
        return identities.find(DEVICE, module).orElseThrow();
    }

    /** @return options as the SDK sends them: username with api-version, SAS password, clean session off */
    public MqttConnectOptions options(String module, String key, long expiry) throws Exception {
        return sdkLikeOptions(HUB_HOST, DEVICE, module, key, expiry, sslContext(certificates.caFile()));
    }

    /** @return CONNECT options shaped like the Azure IoT SDK's, trusting the given CA */
    public static MqttConnectOptions sdkLikeOptions(String hubHost, String device, String module, String key,
            long expiry, SSLContext ssl) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(false);
        options.setKeepAliveInterval(230);
        options.setAutomaticReconnect(false);
        options.setUserName(hubHost + "/" + device + "/" + module + "/?api-version=2020-09-30&DeviceClientType=test");
        String resource = hubHost + "/devices/" + device + "/modules/" + module;
        options.setPassword(SharedAccessSignature.create(resource, key, expiry).toCharArray());
        options.setSocketFactory(ssl.getSocketFactory());
        return options;
    }

    public MqttConnectOptions options(String module) throws Exception {
        return options(module, identity(module).sharedAccessKey(), System.currentTimeMillis() / 1000 + 3600);
    }

    public MqttClient client(String clientId) throws MqttException {
        MqttClient client = new MqttClient(uri(), clientId, new MemoryPersistence());
        client.setTimeToWait(10_000);
        clients.add(client);
        return client;
    }

    public MqttClient connect(String module) throws Exception {
        MqttClient client = client(DEVICE + "/" + module);
        client.connect(options(module));
        return client;
    }

    public String uri() {
        return "ssl://" + server.address().getHostString() + ":" + server.address().getPort();
    }

    public SSLContext sslContext() throws Exception {
        return sslContext(certificates.caFile());
    }

    /** @return a TLS client context trusting only the given CA PEM */
    public static SSLContext sslContext(Path caFile) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = new FileInputStream(caFile.toFile())) {
            trust.setCertificateEntry("edge-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    @Override
    public void close() {
        for (MqttClient client : clients) {
            try {
                if (client.isConnected()) {
                    client.disconnectForcibly(0, 1, false);
                }
                client.close(true);
            } catch (MqttException e) {
                // already gone
            }
        }
        server.close();
        hub.close();
        hub.store().close();
    }
}
