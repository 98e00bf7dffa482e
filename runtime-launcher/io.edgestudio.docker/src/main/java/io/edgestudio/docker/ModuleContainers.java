package io.edgestudio.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module containers of one edge on a Docker engine. Every container carries the labels
 * {@value #EDGE_LABEL} and {@value #MODULE_LABEL}, by which {@link #list()} finds them and
 * {@link #removeLeftovers()} clears what a crashed runtime left behind.
 *
 * <p>What the runtime owns overrides the createOptions: the container name, the labels above, the image,
 * {@code HostConfig.RestartPolicy} (none: the agent restarts modules) and {@code HostConfig.AutoRemove} (off:
 * the exit code must stay readable). Without {@code HostConfig.NetworkMode} a container joins the host network,
 * so it reaches the local edge hub on the loopback address.
 */
public final class ModuleContainers {

    /** Label holding the edge id of a container. */
    public static final String EDGE_LABEL = "io.edgestudio.edge";
    /** Label holding the module name of a container. */
    public static final String MODULE_LABEL = "io.edgestudio.module";
    /** The network a container joins when its createOptions name none. */
    public static final String DEFAULT_NETWORK_MODE = "host";

    private static final Logger LOG = LoggerFactory.getLogger(ModuleContainers.class);

    private final DockerClient client;
    private final String edgeId;
    private final List<RegistryCredentials> credentials;

    ModuleContainers(DockerClient client, String edgeId, List<RegistryCredentials> credentials) {
        if (edgeId == null || edgeId.isBlank()) {
            throw new IllegalArgumentException("edge id must not be blank");
        }
        this.client = client;
        this.edgeId = edgeId;
        this.credentials = List.copyOf(credentials);
    }

    /** @return the edge id the containers are labelled with */
    public String edgeId() {
        return edgeId;
    }

    /**
     * Starts a module: makes sure the image is there (pulling it only when missing and allowed, with the
     * credentials for its registry if any), replaces a
     * container of this edge left under the same name, creates the container, starts it and streams its output.
     *
     * @param spec the module
     * @param output receives output lines and pull progress
     * @return the running container
     * @throws CreateOptionsException if the createOptions are not valid (nothing is created)
     * @throws ContainerException if the image cannot be had or the engine refuses the container
     */
    public ModuleContainer start(ContainerSpec spec, ModuleOutput output) throws ContainerException {
        CreateOptions options;
        try {
            options = CreateOptions.parse(spec.createOptions());
        } catch (CreateOptionsException e) {
            throw new CreateOptionsException(e.jsonPath(), e.problem() + " (module " + spec.module() + ")");
        }
        Images.ensure(client, spec, credentials, output);
        String name = containerName(spec.module());
        removeStale(name);
        String id = create(spec, options, name);
        try {
            client.startContainerCmd(id).exec();
        } catch (DockerException e) {
            removeQuietly(id);
            throw new ContainerException("module " + spec.module() + ": the engine cannot start the container: "
                    + EngineErrors.message(e), e);
        }
        LOG.debug("module {} runs in container {} ({})", spec.module(), name, id);
        return ModuleContainer.follow(client, id, name, spec.module(), output);
    }

    private String create(ContainerSpec spec, CreateOptions options, String name) throws ContainerException {
        CreateContainerCmd cmd = client.createContainerCmd(spec.image());
        options.applyTo(cmd);
        cmd.withName(name).withImage(spec.image()).withEnv(mergeEnv(cmd.getEnv(), spec.env()));
        Map<String, String> labels = new LinkedHashMap<>(cmd.getLabels() == null ? Map.of() : cmd.getLabels());
        labels.put(EDGE_LABEL, edgeId);
        labels.put(MODULE_LABEL, spec.module());
        cmd.withLabels(labels);
        HostConfig hostConfig = cmd.getHostConfig() == null ? new HostConfig() : cmd.getHostConfig();
        if (hostConfig.getNetworkMode() == null || hostConfig.getNetworkMode().isBlank()) {
            hostConfig.withNetworkMode(DEFAULT_NETWORK_MODE);
        }
        if (!spec.mounts().isEmpty()) {
            List<Bind> binds = new ArrayList<>(hostConfig.getBinds() == null ? List.of()
                    : List.of(hostConfig.getBinds()));
            spec.mounts().forEach(m -> binds.add(Bind.parse(m.bind())));
            hostConfig.withBinds(binds);
        }
        cmd.withHostConfig(hostConfig.withRestartPolicy(RestartPolicy.noRestart()).withAutoRemove(false));
        try {
            return cmd.exec().getId();
        } catch (DockerException e) {
            throw new ContainerException("module " + spec.module() + ": the engine refuses the container: "
                    + EngineErrors.message(e), e);
        }
    }

    /** createOptions {@code Env} entries first, those the module's environment names replaced. */
    static String[] mergeEnv(String[] fromOptions, Map<String, String> env) {
        List<String> merged = new ArrayList<>();
        if (fromOptions != null) {
            for (String entry : fromOptions) {
                int equals = entry.indexOf('=');
                if (!env.containsKey(equals < 0 ? entry : entry.substring(0, equals))) {
                    merged.add(entry);
                }
            }
        }
        env.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> merged.add(e.getKey() + "=" + e.getValue()));
        return merged.toArray(String[]::new);
    }

    /** The container name: {@code <edge>.<module>}, readable in {@code docker ps}; labels stay the reference. */
    String containerName(String module) {
        return edgeId.replaceAll("[^a-zA-Z0-9_.-]", "_").replaceFirst("^[^a-zA-Z0-9]", "e") + "." + module;
    }

    private void removeStale(String name) throws ContainerException {
        InspectContainerResponse existing;
        try {
            existing = client.inspectContainerCmd(name).exec();
        } catch (NotFoundException e) {
            return;
        }
        Map<String, String> labels = existing.getConfig().getLabels();
        if (labels == null || !edgeId.equals(labels.get(EDGE_LABEL))) {
            throw new ContainerException("container name " + name + " is taken by a container that is not "
                    + "a module of edge " + edgeId + " (" + existing.getId() + ")");
        }
        LOG.info("removing the old container {} of module {}", name, labels.get(MODULE_LABEL));
        remove(existing.getId());
    }

    /**
     * @param image an image reference
     * @return whether the engine has it locally (nothing is pulled)
     * @throws ContainerException if the engine cannot be asked or the reference is not valid
     */
    public boolean hasImage(String image) throws ContainerException {
        try {
            return Images.present(client, image);
        } catch (DockerException e) {
            throw new ContainerException("cannot look up image " + image + ": " + EngineErrors.message(e), e);
        }
    }

    /**
     * Lists this edge's containers, running or not.
     *
     * @return one entry per container
     * @throws ContainerException if the engine cannot be asked
     */
    public List<ContainerInfo> list() throws ContainerException {
        try {
            List<Container> containers = client.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(EDGE_LABEL, edgeId)).exec();
            return containers.stream().map(ContainerInfo::of).toList();
        } catch (DockerException e) {
            throw new ContainerException("cannot list the containers of edge " + edgeId + ": " + EngineErrors.message(e), e);
        }
    }

    /**
     * Removes (killing if needed) every container of this edge: call it when the edge starts, before any module,
     * to clear what a crashed runtime left.
     *
     * @return the containers removed
     * @throws ContainerException if one cannot be removed
     */
    public List<ContainerInfo> removeLeftovers() throws ContainerException {
        List<ContainerInfo> leftovers = list();
        for (ContainerInfo leftover : leftovers) {
            LOG.info("removing leftover container {} of module {}", leftover.name(), leftover.module());
            remove(leftover.id());
        }
        return leftovers;
    }

    private void remove(String id) throws ContainerException {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (DockerException e) {
            throw new ContainerException("cannot remove container " + id + ": " + EngineErrors.message(e), e);
        }
    }

    private void removeQuietly(String id) {
        try {
            remove(id);
        } catch (ContainerException e) {
            LOG.warn(e.getMessage());
        }
    }
}
