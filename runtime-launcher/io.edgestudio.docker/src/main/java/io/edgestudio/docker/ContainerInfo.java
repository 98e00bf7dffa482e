package io.edgestudio.docker;

import com.github.dockerjava.api.model.Container;
import java.util.Map;

/**
 * One container of an edge as the engine lists it.
 *
 * @param id the container id
 * @param name the container name, without the leading slash
 * @param module the module name from the {@value ModuleContainers#MODULE_LABEL} label
 * @param image the image it was created from
 * @param state the engine's state: {@code created}, {@code running}, {@code exited}, ...
 * @param labels all labels of the container
 */
public record ContainerInfo(String id, String name, String module, String image, String state,
        Map<String, String> labels) {

    /** Copies the labels. */
    public ContainerInfo {
        labels = Map.copyOf(labels);
    }

    /** @return whether the engine reports the container as running */
    public boolean running() {
        return "running".equals(state);
    }

    static ContainerInfo of(Container container) {
        String[] names = container.getNames();
        String name = names == null || names.length == 0 ? container.getId() : names[0].replaceFirst("^/", "");
        Map<String, String> labels = container.getLabels() == null ? Map.of() : container.getLabels();
        return new ContainerInfo(container.getId(), name, labels.get(ModuleContainers.MODULE_LABEL),
                container.getImage(), container.getState(), labels);
    }
}
