package io.edgestudio.agent.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module processes this runtime started, one file per module in {@code <state>/agent/processes/}: pid,
 * start time and command. A file is written when a process starts and removed when it has ended, so after a
 * crash of the runtime the files name what may still run. A recorded process is only ours if a process with
 * that pid still exists <em>and</em> started at the recorded instant with the recorded executable (pids are
 * reused).
 */
public final class ProcessRecords {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessRecords.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path directory;

    /** @param directory where the records live (created on first write) */
    public ProcessRecords(Path directory) {
        this.directory = directory;
    }

    /**
     * Records a started process.
     *
     * @param module the module name
     * @param process the process
     */
    public void record(String module, ProcessHandle process) {
        var info = process.info();
        var json = MAPPER.createObjectNode().put("module", module).put("pid", process.pid())
                .put("startInstant", info.startInstant().map(Instant::toString).orElse(""))
                .put("command", info.command().orElse(""));
        try {
            Files.createDirectories(directory);
            Path temporary = directory.resolve(module + ".json.tmp");
            MAPPER.writeValue(temporary.toFile(), json);
            Files.move(temporary, file(module), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the process of module " + module, e);
        }
    }

    /**
     * Forgets a module's process if the record is about this one.
     *
     * @param module the module name
     * @param pid the process that ended
     */
    public void forget(String module, long pid) {
        Path file = file(module);
        try {
            if (Files.exists(file) && MAPPER.readTree(file.toFile()).path("pid").asLong() == pid) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("Cannot remove the process record {}", file, e);
        }
    }

    /**
     * Stops every recorded process that is still ours (SIGTERM, then SIGKILL after {@code grace}) with its
     * descendants, and removes all records.
     *
     * @param grace how long the processes may take to stop
     * @return the processes stopped
     */
    public List<Long> removeLeftovers(Duration grace) {
        List<ProcessHandle> ours = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : files) {
                leftover(file).ifPresent(ours::add);
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the process records in " + directory, e);
        }
        ours.forEach(p -> LOG.info("Stopping module process {} left by an earlier run", p.pid()));
        terminate(ours, grace);
        return ours.stream().map(ProcessHandle::pid).toList();
    }

    private Optional<ProcessHandle> leftover(Path file) {
        try {
            JsonNode record = MAPPER.readTree(file.toFile());
            Optional<ProcessHandle> process = ProcessHandle.of(record.path("pid").asLong());
            String started = record.path("startInstant").asText();
            String command = record.path("command").asText();
            return process.filter(p -> !started.isEmpty()
                    && p.info().startInstant().map(Instant::toString).orElse("").equals(started)
                    && p.info().command().orElse("").equals(command));
        } catch (IOException e) {
            LOG.warn("Ignoring the unreadable process record {}", file, e);
            return Optional.empty();
        }
    }

    /**
     * Stops processes and their descendants: SIGTERM to all, then SIGKILL to those still alive after {@code grace}.
     *
     * @param processes the processes
     * @param grace how long they may take
     */
    public static void terminate(List<ProcessHandle> processes, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle process : processes) {
            all.add(process);
            process.descendants().forEach(all::add);
        }
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : all) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                process.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Process {} did not end after SIGKILL", process.pid());
            }
        }
    }

    private Path file(String module) {
        return directory.resolve(module + ".json");
    }
}
