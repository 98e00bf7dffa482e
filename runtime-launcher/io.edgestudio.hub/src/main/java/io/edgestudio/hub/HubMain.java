package io.edgestudio.hub;

import io.edgestudio.hub.manifest.DeploymentManifest;
import io.edgestudio.hub.manifest.ManifestException;
import io.edgestudio.hub.manifest.ManifestLoader;
import io.edgestudio.hub.manifest.TemplateExpander;
import io.edgestudio.hub.upstream.UpstreamRecording;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the local edge hub from the command line until SIGTERM or Ctrl-C: loads the manifest, starts the MQTT
 * listeners and the management API, prints where they listen and each module's connection-string file.
 * Exit codes: 0 after a clean stop, 1 for an unusable manifest or state directory, 2 if an address is in use,
 * 3 if certificates cannot be made.
 */
@Command(name = "edgestudio-hub", mixinStandardHelpOptions = true,
        description = "The Edge Studio local edge hub: an offline stand-in for edgeHub that SDK modules connect to.")
public final class HubMain implements Callable<Integer> {

    /** Exit code for a manifest or state directory that cannot be used. */
    public static final int EXIT_BAD_INPUT = 1;
    /** Exit code when an address is already in use. */
    public static final int EXIT_ADDRESS_IN_USE = 2;
    /** Exit code when certificates cannot be issued. */
    public static final int EXIT_CERTIFICATES = 3;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--manifest", required = true, paramLabel = "<file>",
            description = "Deployment manifest or template ($VAR and $${MODULES.x} expanded from the environment).")
    private Path manifest;

    @Option(names = "--state-dir", paramLabel = "<dir>", defaultValue = ".edgestudio-hub",
            description = "Identities, certificates, connection strings and the message store (default: ${DEFAULT-VALUE}).")
    private Path stateDirectory;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on; also the gateway host name in connection strings (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--mqtt-port", defaultValue = "8883",
            description = "MQTT over TLS port; the Azure IoT SDK always uses 8883 (default: ${DEFAULT-VALUE}).")
    private int mqttPort;

    @Option(names = "--plain-port", description = "Also serve plain MQTT (no TLS) for tools on this port.")
    private Integer plainPort;

    @Option(names = "--management-port", defaultValue = "53000",
            description = "Management HTTP API port; 0 picks a free one (default: ${DEFAULT-VALUE}, as iotedgehubdev).")
    private int managementPort;

    @Option(names = "--methods-port", defaultValue = "443",
            description = "HTTPS port for module-to-module direct methods on the --bind address (default: "
                    + "${DEFAULT-VALUE}, the Azure IoT SDK's fixed port). Binding 443 needs root; without it the hub "
                    + "warns how to enable it and runs without these methods.")
    private int methodsPort;

    @Option(names = "--workload-port", paramLabel = "<port>",
            description = "Also serve the workload API (IOTEDGE_WORKLOADURI, for modules started without a connection "
                    + "string) on 127.0.0.1:<port>; 0 picks a free one.")
    private Integer workloadPort;

    @Option(names = "--device-id", defaultValue = "edgestudio-device",
            description = "Edge device id (default: ${DEFAULT-VALUE}).")
    private String deviceId;

    @Option(names = "--upstream-file-size", paramLabel = "<MB>", defaultValue = "10",
            description = "Size at which <state-dir>/upstream/messages.jsonl, the record of $upstream messages, is "
                    + "rotated (default: ${DEFAULT-VALUE}).")
    private long upstreamFileMegabytes;

    @Option(names = "--upstream-files", paramLabel = "<n>", defaultValue = "5",
            description = "Upstream record files kept, the current one included; 0 keeps upstream messages in "
                    + "memory only (default: ${DEFAULT-VALUE}).")
    private int upstreamFiles;

    @Option(names = "--in-memory", description = "Keep messages and twins in memory instead of on disk.")
    private boolean inMemory;

    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new HubMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        LocalEdgeHub edge;
        DeploymentManifest deployment;
        try {
            deployment = new ManifestLoader().load(manifest, new TemplateExpander(System::getenv, Map.of()));
            edge = LocalEdgeHub.start(deployment, options());
        } catch (ManifestException e) {
            err.println("Invalid manifest " + manifest + ": " + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("Invalid option: " + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (BindException e) {
            err.println("Cannot listen on " + bind + ": " + e.getMessage());
            return EXIT_ADDRESS_IN_USE;
        } catch (IOException e) {
            err.println("Cannot start: " + e);
            return EXIT_BAD_INPUT;
        } catch (GeneralSecurityException e) {
            err.println("Cannot issue the hub certificates: " + e);
            return EXIT_CERTIFICATES;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(edge), "edgehub-shutdown"));
        describe(edge, deployment);
        stopped.await();
        return 0;
    }

    LocalEdgeHubOptions options() {
        LocalEdgeHubOptions defaults = LocalEdgeHubOptions.defaults(stateDirectory.toAbsolutePath(), bind);
        return new LocalEdgeHubOptions(defaults.stateDirectory(), deviceId, defaults.hubHostName(),
                new InetSocketAddress(bind, mqttPort), plainPort == null ? null : new InetSocketAddress(bind, plainPort),
                !inMemory, defaults.inflightWindow(), defaults.inflightTimeout(), defaults.maintenanceInterval(),
                new InetSocketAddress(bind, managementPort),
                workloadPort == null ? null : new InetSocketAddress("127.0.0.1", workloadPort), methodsPort,
                upstreamFiles == 0 ? null : new UpstreamRecording(upstreamFileMegabytes * 1024 * 1024, upstreamFiles));
    }

    private void describe(LocalEdgeHub edge, DeploymentManifest deployment) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Local edge hub for device " + deviceId + " (" + deployment.modules().size() + " modules, "
                + deployment.routes().size() + " routes)");
        edge.servers().forEach(s -> out.println("MQTT listening on " + s.address().getHostString() + ":"
                + s.address().getPort()));
        edge.moduleMethods().ifPresent(m -> out.println("Module-to-module methods (HTTPS) listening on "
                + m.address().getHostString() + ":" + m.address().getPort()));
        edge.management().ifPresent(m -> out.println("Management API: " + m.baseUri()));
        edge.workload().ifPresent(w -> out.println("Workload API: " + w.uri()));
        edge.upstreamRecorder().ifPresent(r -> out.println("Upstream messages recorded in " + r.file()));
        out.println("CA certificate: " + edge.credentials().caCertificateFile().toAbsolutePath());
        Path modules = stateDirectory.toAbsolutePath().resolve("modules");
        deployment.modules().keySet().forEach(m -> out.println("Module " + m + ": " + modules.resolve(m + ".env")));
        out.println("Ready. Stop with Ctrl-C.");
        out.flush();
    }

    private void stop(LocalEdgeHub edge) {
        edge.close();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Local edge hub stopped.");
        out.flush();
        stopped.countDown();
    }
}
