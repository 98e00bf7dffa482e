package io.edgestudio.agent.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The local command that runs a module.
 *
 * @param command the program and its arguments
 * @param workingDirectory where it runs
 * @param environment variables added to the module's environment (the side file's {@code env})
 * @param origin where the command comes from, for messages (e.g. {@code modules/Filter/target/filter.jar})
 */
public record ProcessCommand(List<String> command, Path workingDirectory, Map<String, String> environment,
        String origin) {

    /** Copies the collections. */
    public ProcessCommand {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
