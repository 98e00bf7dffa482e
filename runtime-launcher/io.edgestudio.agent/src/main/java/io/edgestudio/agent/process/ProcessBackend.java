package io.edgestudio.agent.process;

import io.edgestudio.agent.ModuleBackend;
import io.edgestudio.agent.ModuleHandle;
import io.edgestudio.agent.ModuleLaunch;
import io.edgestudio.agent.ModuleOutput;
import io.edgestudio.agent.ModuleStartException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Runs modules as local processes (the default backend, no Docker needed): the command comes from a
 * {@link CommandResolver}; the environment is the runtime's own plus the module's; stdout and stderr are read
 * line by line; every process is recorded under the state directory so that a later runtime can stop what a
 * crashed one left behind.
 */
public final class ProcessBackend implements ModuleBackend {

    /** Variables the SDKs choose their credentials by; a module never inherits them from the runtime. */
    private static final Set<String> AGENT_OWNED = Set.of("EdgeHubConnectionString", "EdgeModuleCACertificateFile",
            "IotHubConnectionString", "EdgeModuleHubServerCAChainCertificateFile");

    private final CommandResolver commands;
    private final ProcessRecords records;
    private final Duration leftoverGrace;

    /**
     * @param commands finds each module's command
     * @param records where started processes are recorded
     * @param leftoverGrace how long leftovers of an earlier run may take to stop before they are killed
     */
    public ProcessBackend(CommandResolver commands, ProcessRecords records, Duration leftoverGrace) {
        this.commands = commands;
        this.records = records;
        this.leftoverGrace = leftoverGrace;
    }

    @Override
    public String name() {
        return "process";
    }

    /** @return how modules' commands are found */
    public CommandResolver commands() {
        return commands;
    }

    @Override
    public int removeLeftovers() {
        return records.removeLeftovers(leftoverGrace).size();
    }

    @Override
    public ModuleHandle start(ModuleLaunch launch, ModuleOutput output) throws ModuleStartException {
        ProcessCommand command = commands.resolve(launch);
        if (!Files.isDirectory(command.workingDirectory())) {
            throw new ModuleStartException("module " + launch.module() + ": working directory "
                    + command.workingDirectory() + " does not exist (" + command.origin() + ")");
        }
        if (commands.classDataDirectory() != null) {
            try {
                Files.createDirectories(commands.classDataDirectory());
            } catch (IOException e) {
                throw new ModuleStartException("module " + launch.module() + ": cannot create "
                        + commands.classDataDirectory(), e);
            }
        }
        ProcessBuilder builder = new ProcessBuilder(command.command()).directory(command.workingDirectory().toFile());
        Map<String, String> environment = builder.environment();
        // Which identity and credentials a module uses is the agent's to say, not the runtime's own environment's.
        environment.keySet().removeIf(name -> name.startsWith("IOTEDGE_") || AGENT_OWNED.contains(name));
        environment.putAll(launch.environment());
        environment.putAll(command.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ModuleStartException("module " + launch.module() + ": cannot run " + command.command().getFirst()
                    + " (" + command.origin() + "): " + e.getMessage(), e);
        }
        records.record(launch.module(), process.toHandle());
        String module = launch.module();
        Thread out = pump(process.getInputStream(), module, false, output);
        Thread err = pump(process.getErrorStream(), module, true, output);
        CompletableFuture<Integer> exit = process.onExit().thenApply(p -> {
            records.forget(module, p.pid());
            joinQuietly(out);
            joinQuietly(err);
            return p.exitValue();
        });
        return new ProcessModule(process, exit);
    }

    private static Thread pump(InputStream stream, String module, boolean error, ModuleOutput output) {
        return Thread.ofPlatform().daemon().name(module + (error ? "-stderr" : "-stdout")).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.line(module, error, line);
                }
            } catch (IOException | UncheckedIOException e) {
                // the process ended and its pipe closed
            }
        });
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One module process. */
    private record ProcessModule(Process process, CompletableFuture<Integer> exit) implements ModuleHandle {

        @Override
        public String id() {
            return Long.toString(process.pid());
        }

        @Override
        public void stop(Duration grace) {
            ProcessRecords.terminate(List.of(process.toHandle()), grace);
            exit.join();
        }
    }
}
