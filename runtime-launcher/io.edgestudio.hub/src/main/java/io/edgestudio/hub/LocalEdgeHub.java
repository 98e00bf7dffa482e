package io.edgestudio.hub;

import io.edgestudio.hub.core.EdgeHub;
import io.edgestudio.hub.core.HubSettings;
import io.edgestudio.hub.identity.IdentityRegistry;
import io.edgestudio.hub.identity.ModuleCredentials;
import io.edgestudio.hub.identity.ModuleIdentity;
import io.edgestudio.hub.management.ManagementApi;
import io.edgestudio.hub.management.ManagementServer;
import io.edgestudio.hub.management.ModuleRuntime;
import io.edgestudio.hub.manifest.DeploymentManifest;
import io.edgestudio.hub.method.MethodServer;
import io.edgestudio.hub.method.ModuleMethodApi;
import io.edgestudio.hub.mqtt.MqttServer;
import io.edgestudio.hub.routing.RouteEngine;
import io.edgestudio.hub.store.InMemoryMessageStore;
import io.edgestudio.hub.store.MessageStore;
import io.edgestudio.hub.store.RocksDbLibrary;
import io.edgestudio.hub.store.RocksDbMessageStore;
import io.edgestudio.hub.tls.HubCertificates;
import io.edgestudio.hub.twin.FileTwinStore;
import io.edgestudio.hub.twin.InMemoryTwinStore;
import io.edgestudio.hub.twin.TwinStore;
import io.edgestudio.hub.upstream.UpstreamRecorder;
import io.edgestudio.hub.workload.ModuleGenerations;
import io.edgestudio.hub.workload.WorkloadApi;
import io.edgestudio.hub.workload.WorkloadServer;
import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local edge hub assembled from a deployment manifest: identities and credentials for every module, the
 * CA and server certificate, the message store, the route engine, the MQTT listeners and the maintenance
 * schedule. Everything is started here and closed in reverse order.
 */
public final class LocalEdgeHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalEdgeHub.class);

    private final EdgeHub hub;
    private final MessageStore store;
    private final ModuleCredentials credentials;
    private final List<MqttServer> servers = new CopyOnWriteArrayList<>();
    private ManagementServer management;
    private WorkloadServer workload;
    private ModuleGenerations generations;
    private LocalEdgeHubOptions options;
    private HubCertificates certificates;
    private String summary;
    private ManagementApi api;
    private MethodServer methods;
    private UpstreamRecorder recorder;
    private final ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "edgehub-maintenance");
        thread.setDaemon(true);
        return thread;
    });

    private LocalEdgeHub(EdgeHub hub, MessageStore store, ModuleCredentials credentials) {
        this.hub = hub;
        this.store = store;
        this.credentials = credentials;
    }

    /**
     * Opens the hub ({@link #open}) and starts its MQTT listeners ({@link #listen}).
     *
     * @param manifest the deployment
     * @param options where and how to run
     * @return the running hub
     * @throws IOException if the state directory cannot be used
     * @throws GeneralSecurityException if certificates cannot be issued
     * @throws InterruptedException if interrupted while binding
     */
    public static LocalEdgeHub start(DeploymentManifest manifest, LocalEdgeHubOptions options)
            throws IOException, GeneralSecurityException, InterruptedException {
        LocalEdgeHub edge = open(manifest, options);
        try {
            edge.listen();
        } catch (IOException | InterruptedException | RuntimeException e) {
            edge.close();
            throw e;
        }
        return edge;
    }

    /**
     * Prepares everything but the MQTT listeners: identities and credentials for every module, the CA and server
     * certificate, the message store, the route engine, and the management and workload APIs. Module processes
     * can be started from here on (their connection strings and CA file are written); they connect once
     * {@link #listen} returns.
     *
     * @param manifest the deployment
     * @param options where and how to run
     * @return the hub, not yet listening for MQTT
     * @throws IOException if the state directory cannot be used
     * @throws GeneralSecurityException if certificates cannot be issued
     * @throws InterruptedException if interrupted while binding
     */
    public static LocalEdgeHub open(DeploymentManifest manifest, LocalEdgeHubOptions options)
            throws IOException, GeneralSecurityException, InterruptedException {
        // RocksDB's native library loads meanwhile
        Thread library = options.persistent()
                ? Thread.ofPlatform().daemon().name("rocksdb-library").start(RocksDbLibrary::load) : null;
        IdentityRegistry identities = IdentityRegistry.open(options.deviceId(), options.stateDirectory());
        List<ModuleIdentity> modules = identities.ensure(manifest.modules().keySet());
        HubCertificates certificates = HubCertificates.loadOrCreate(options.stateDirectory().resolve("certs"),
                options.gatewayHostName());
        Thread.ofPlatform().daemon().name("tls-warm-up").start(certificates::warmUp);
        ModuleCredentials credentials = new ModuleCredentials(options.hubHostName(), options.gatewayHostName(),
                certificates.caFile());
        for (ModuleIdentity module : modules) {
            credentials.write(module, options.stateDirectory().resolve("modules"));
        }
        RouteEngine routing = RouteEngine.of(manifest.routes().values());
        if (library != null) {
            library.join(); // if it failed, opening the store loads it again and reports why
        }
        MessageStore store = options.persistent()
                ? RocksDbMessageStore.open(options.stateDirectory().resolve("store"))
                : new InMemoryMessageStore();
        HubSettings settings = new HubSettings(options.hubHostName(), options.inflightWindow(),
                options.inflightTimeout(), manifest.timeToLiveSecs());
        TwinStore twins = options.persistent() ? new FileTwinStore(options.stateDirectory().resolve("twins"))
                : new InMemoryTwinStore();
        UpstreamRecorder recorder = options.upstreamRecording() == null ? null
                : UpstreamRecorder.open(options.stateDirectory().resolve("upstream"), options.upstreamRecording(), routing);
        EdgeHub hub = new EdgeHub(settings, identities, store, routing, twins, Clock.systemUTC(),
                recorder == null ? List.of() : List.of(recorder));
        manifest.desiredProperties().forEach(hub.twins()::replaceDesired);
        LocalEdgeHub edge = new LocalEdgeHub(hub, store, credentials);
        edge.options = options;
        edge.recorder = recorder;
        edge.certificates = certificates;
        edge.summary = modules.size() + " modules and " + manifest.routes().size() + " routes";
        try {
            if (options.managementAddress() != null) {
                edge.api = new ManagementApi(hub, manifest.modules().keySet(), manifest.routes().values());
                edge.management = ManagementServer.start(edge.api, hub.upstream(), options.managementAddress());
            }
            if (options.workloadAddress() != null) {
                edge.generations = ModuleGenerations.open(options.stateDirectory().resolve("workload/generations"));
                modules.forEach(m -> edge.generations.generationId(m.moduleId()));
                WorkloadApi workloadApi = new WorkloadApi(identities, edge.generations,
                        Files.readString(certificates.caFile()));
                edge.workload = WorkloadServer.start(workloadApi, options.workloadAddress());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            edge.close();
            throw e;
        }
        return edge;
    }

    /**
     * Starts the MQTT listeners (TLS, and plain if the options ask for it), the HTTPS listener for module → module
     * methods (a warning only when its address cannot be bound) and the maintenance schedule; once only.
     *
     * @throws IOException if an address cannot be bound, or the TLS context cannot be made
     * @throws InterruptedException if interrupted while binding
     * @throws IllegalStateException if the hub listens already
     */
    public synchronized void listen() throws IOException, InterruptedException {
        if (!servers.isEmpty()) {
            throw new IllegalStateException("the hub listens already");
        }
        servers.add(MqttServer.start(hub, options.tlsAddress(), certificates.serverContext(),
                MqttServer.CONNECT_TIMEOUT));
        if (options.plainAddress() != null) {
            servers.add(MqttServer.start(hub, options.plainAddress(), null, MqttServer.CONNECT_TIMEOUT));
        }
        if (options.methodsAddress() != null) {
            methods = MethodServer.startOrWarn(new ModuleMethodApi(options.deviceId(), hub.authenticator(), hub.methods()),
                    options.methodsAddress(), certificates.serverContext()).orElse(null);
        }
        long interval = options.maintenanceInterval().toMillis();
        maintenance.scheduleWithFixedDelay(this::maintain, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("Local edge hub for device {} serving {}", options.deviceId(), summary);
    }

    private void maintain() {
        try {
            hub.runMaintenance();
        } catch (RuntimeException e) {
            LOG.warn("Maintenance round failed", e);
        }
    }

    /** @return the hub core */
    public EdgeHub hub() {
        return hub;
    }

    /** @return the connection-string factory for the deployment's modules */
    public ModuleCredentials credentials() {
        return credentials;
    }

    /** @return the listeners, TLS first */
    public List<MqttServer> servers() {
        return List.copyOf(servers);
    }

    /**
     * @return the HTTPS listener for module → module direct methods, if the options asked for one and its
     *         address could be bound
     */
    public Optional<MethodServer> moduleMethods() {
        return Optional.ofNullable(methods);
    }

    /** @return the file recording of upstream messages, if the options asked for one */
    public Optional<UpstreamRecorder> upstreamRecorder() {
        return Optional.ofNullable(recorder);
    }

    /** @return the management HTTP API, if the options asked for one */
    public Optional<ManagementServer> management() {
        return Optional.ofNullable(management);
    }

    /** @return the workload API (IOTEDGE_WORKLOADURI), if the options asked for one */
    public Optional<WorkloadServer> workload() {
        return Optional.ofNullable(workload);
    }

    /**
     * The environment edgeAgent gives a module under the IoT Edge daemon: with it, and no
     * {@code EdgeHubConnectionString}, an Azure IoT SDK module ({@code createFromEnvironment}) signs its tokens
     * through the workload API, trusts its trust bundle and connects to this hub.
     *
     * @param module a module of the deployment
     * @return {@code IOTEDGE_WORKLOADURI}, {@code IOTEDGE_AUTHSCHEME}, {@code IOTEDGE_MODULEGENERATIONID},
     *         {@code IOTEDGE_IOTHUBHOSTNAME}, {@code IOTEDGE_GATEWAYHOSTNAME}, {@code IOTEDGE_DEVICEID},
     *         {@code IOTEDGE_MODULEID}, {@code IOTEDGE_APIVERSION} and {@code RuntimeLogLevel}
     * @throws IllegalStateException if the hub runs without a workload API
     * @throws IllegalArgumentException if the module is not in the deployment
     */
    public Map<String, String> workloadEnvironment(String module) {
        if (workload == null) {
            throw new IllegalStateException("the hub runs without a workload API (LocalEdgeHubOptions.workloadAddress)");
        }
        String generation = generations.find(module)
                .orElseThrow(() -> new IllegalArgumentException("no module " + module + " in the deployment"));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("IOTEDGE_WORKLOADURI", workload.uri());
        environment.put("IOTEDGE_AUTHSCHEME", "sasToken");
        environment.put("IOTEDGE_MODULEGENERATIONID", generation);
        environment.put("IOTEDGE_IOTHUBHOSTNAME", options.hubHostName());
        environment.put("IOTEDGE_GATEWAYHOSTNAME", options.gatewayHostName());
        environment.put("IOTEDGE_DEVICEID", options.deviceId());
        environment.put("IOTEDGE_MODULEID", module);
        environment.put("IOTEDGE_APIVERSION", WorkloadApi.API_VERSION);
        environment.put("RuntimeLogLevel", "info");
        return environment;
    }

    /**
     * Shows the agent's module status in the management API and lets the API start, stop and restart modules.
     *
     * @param runtime the agent running the deployment's modules
     */
    public void attachRuntime(ModuleRuntime runtime) {
        if (api != null) {
            api.attach(runtime);
        }
    }

    @Override
    public void close() {
        if (workload != null) {
            workload.close();
        }
        if (management != null) {
            management.close();
        }
        maintenance.shutdownNow();
        if (methods != null) {
            methods.close();
        }
        servers.forEach(MqttServer::close);
        hub.close();
        if (recorder != null) {
            recorder.close();
        }
        store.close();
        LOG.info("Local edge hub stopped");
    }
}
