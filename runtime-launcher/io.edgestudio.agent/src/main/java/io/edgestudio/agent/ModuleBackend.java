package io.edgestudio.agent;

/**
 * Runs modules somewhere: as local processes ({@link io.edgestudio.agent.process.ProcessBackend}) or as
 * containers. The agent's supervisor decides when; a backend only starts runs and cleans up after crashes.
 */
public interface ModuleBackend extends AutoCloseable {

    /** @return a short name for logs and status, e.g. {@code process} or {@code docker} */
    String name();

    /**
     * @param module a module name
     * @return the name of the backend that runs this module (a backend that picks one per module says which)
     */
    default String name(String module) {
        return name();
    }

    /**
     * Removes what an earlier runtime left behind (after it crashed or was killed) so no module runs twice.
     * Only removes what is verifiably ours: a process whose recorded start time matches, a container labelled
     * for this state directory.
     *
     * @return how many leftovers were removed
     */
    int removeLeftovers();

    /**
     * Starts one run of a module.
     *
     * @param launch the module and its environment
     * @param output receives its stdout and stderr, line by line
     * @return the running module
     * @throws ModuleStartException if it cannot be started (the message says why, naming the module)
     */
    ModuleHandle start(ModuleLaunch launch, ModuleOutput output) throws ModuleStartException;

    /** Releases the backend's resources; running modules must have been stopped before. */
    @Override
    default void close() {
    }
}
