/**
 * Runs edge modules as containers on a Docker engine: the container backend of the local edge runtime.
 *
 * <pre>{@code
 * try (DockerEngine engine = DockerEngine.connect()) {          // NoDockerEngineException: fall back or skip
 *     ModuleContainers edge = engine.containers(edgeId, registryCredentials);
 *     edge.removeLeftovers();                                   // what a crashed runtime left
 *     ModuleContainer filter = edge.start(new ContainerSpec("filter", image, env, createOptions), output);
 *     filter.exit().thenAccept(code -> ...);                    // the agent decides about restarts
 *     filter.stop(Duration.ofSeconds(10));                      // SIGTERM, SIGKILL after 10 s
 *     filter.remove();
 * }
 * }</pre>
 *
 * Nothing here knows the hub, the agent or the manifest format beyond a module's image, env and createOptions.
 */
package io.edgestudio.docker;
