package io.edgestudio.docker;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to run for one module: the manifest's {@code settings.image}, {@code settings.createOptions} (the JSON
 * string exactly as in a deployment manifest, chunks joined; empty means none) and the environment the agent
 * computed (manifest {@code env} plus the runtime's variables). Restarts are the agent's business, not Docker's.
 *
 * @param module the module name ({@code ^[a-zA-Z0-9_-]+$})
 * @param image the image reference
 * @param env environment variables (null for none); they replace same-named {@code Env} entries of the createOptions
 * @param createOptions the Docker create options as a JSON string, or empty
 * @param pullPolicy whether a missing image is pulled
 * @param mounts files the runtime mounts in addition to the createOptions' binds (none when null)
 */
public record ContainerSpec(String module, String image, Map<String, String> env, String createOptions,
        PullPolicy pullPolicy, List<FileMount> mounts) {

    private static final Pattern MODULE_NAME = Pattern.compile("[a-zA-Z0-9_-]+");

    /** Checks the name and image and copies the environment. */
    public ContainerSpec {
        Objects.requireNonNull(module, "module");
        if (!MODULE_NAME.matcher(module).matches()) {
            throw new IllegalArgumentException("module name must match ^[a-zA-Z0-9_-]+$: \"" + module + "\"");
        }
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("module " + module + " has no image");
        }
        env = env == null ? Map.of() : Map.copyOf(env);
        createOptions = createOptions == null ? "" : createOptions;
        pullPolicy = pullPolicy == null ? PullPolicy.ON_CREATE : pullPolicy;
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
    }

    /** A module without runtime mounts. */
    public ContainerSpec(String module, String image, Map<String, String> env, String createOptions,
            PullPolicy pullPolicy) {
        this(module, image, env, createOptions, pullPolicy, List.of());
    }

    /** A module with the default pull policy ({@code on-create}). */
    public ContainerSpec(String module, String image, Map<String, String> env, String createOptions) {
        this(module, image, env, createOptions, PullPolicy.ON_CREATE, List.of());
    }
}
