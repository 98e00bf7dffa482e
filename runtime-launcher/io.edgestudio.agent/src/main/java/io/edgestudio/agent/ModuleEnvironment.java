package io.edgestudio.agent;

import io.edgestudio.hub.identity.ModuleCredentials;
import io.edgestudio.hub.identity.ModuleIdentity;
import io.edgestudio.hub.manifest.ModuleSpec;
import io.edgestudio.hub.workload.WorkloadApi;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a module runs with, as edgeAgent gives it (EDGE-SPEC §4): the manifest's {@code env}, then
 * {@code EdgeHubConnectionString} and {@code EdgeModuleCACertificateFile} (what the SDKs use outside the edge
 * daemon; left out when {@code workloadOnly}), then the {@code IOTEDGE_*} set. {@code IOTEDGE_WORKLOADURI} is
 * only given when a workload API serves it; the SDKs use it when there is no connection string.
 *
 * @param credentials the hub's connection-string factory
 * @param workloadUri the workload API URI, or null when there is none
 * @param workloadOnly whether modules get only the {@code IOTEDGE_*} set, as under the IoT Edge daemon
 */
public record ModuleEnvironment(ModuleCredentials credentials, String workloadUri, boolean workloadOnly) {

    /** edgeAgent's API version for modules, when no workload API runs. */
    public static final String API_VERSION = "2019-01-30";

    /** Checks that a workload-only environment has a workload API. */
    public ModuleEnvironment {
        if (workloadOnly && workloadUri == null) {
            throw new IllegalArgumentException("modules can do without a connection string only when the hub runs "
                    + "its workload API");
        }
    }

    /**
     * @param credentials the hub's connection-string factory
     * @param workloadUri the workload API URI, or null when there is none
     */
    public ModuleEnvironment(ModuleCredentials credentials, String workloadUri) {
        this(credentials, workloadUri, false);
    }

    /**
     * @param spec the module
     * @param identity its identity
     * @param generationId the module's generation ({@code IOTEDGE_MODULEGENERATIONID}): with a workload API the
     *        one it signs for
     * @return the variables, in the order above (later ones win)
     */
    public Map<String, String> of(ModuleSpec spec, ModuleIdentity identity, String generationId) {
        Map<String, String> env = new LinkedHashMap<>(spec.env());
        if (!workloadOnly) {
            env.putAll(credentials.environment(identity));
        }
        env.put("IOTEDGE_AUTHSCHEME", "sasToken");
        env.put("IOTEDGE_MODULEGENERATIONID", generationId);
        env.put("IOTEDGE_IOTHUBHOSTNAME", credentials.hubHostName());
        env.put("IOTEDGE_GATEWAYHOSTNAME", credentials.gatewayHostName());
        env.put("IOTEDGE_DEVICEID", identity.deviceId());
        env.put("IOTEDGE_MODULEID", identity.moduleId());
        env.put("IOTEDGE_APIVERSION", workloadUri == null ? API_VERSION : WorkloadApi.API_VERSION);
        if (workloadUri != null) {
            env.put("IOTEDGE_WORKLOADURI", workloadUri);
        }
        env.putIfAbsent("RuntimeLogLevel", "info");
        return env;
    }

    /**
     * Writes {@code <directory>/<module>.env} ({@link ModuleCredentials#writeEnvironment}): the same file the hub
     * writes with the connection string alone, completed with everything above, so that a module started by someone
     * else (an IDE) gets exactly what the agent would give it.
     *
     * @param directory where to write
     * @param module the module name
     * @param environment the variables
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path write(Path directory, String module, Map<String, String> environment) throws IOException {
        return ModuleCredentials.writeEnvironment(directory, module, environment);
    }
}
