package io.edgestudio.agent.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code edge-run.json} beside the solution: how modules that are neither generated Java modules nor known
 * images run as local processes.
 *
 * <pre>
 * {
 *   "modules": {
 *     "Sensor": {
 *       "command": ["python3", "sensor.py", "--interval", "1"],   // or "jar": "tools/sensor.jar"
 *       "workingDirectory": "sensor",                             // relative to the solution; default: it
 *       "env": { "LOG_LEVEL": "debug" }                           // added to the module's environment
 *     }
 *   }
 * }
 * </pre>
 *
 * An entry with {@code command} or {@code jar} wins over every other way to run the module; {@code jar} runs a
 * runnable jar with the runtime's Java (and takes a debug port like generated Java modules). An entry with
 * neither only adds {@code env} to the module however it runs (e.g. a faster send interval for a stand-in).
 */
public final class RunFile {

    /** The file name, looked up in the solution directory. */
    public static final String NAME = "edge-run.json";

    /**
     * One module's entry.
     *
     * @param command the program and arguments; empty when {@code jar} is given or the entry only adds env
     * @param jar a runnable jar, or null
     * @param workingDirectory absolute
     * @param environment extra variables
     */
    public record Entry(List<String> command, Path jar, Path workingDirectory, Map<String, String> environment) {

        /** @return whether the entry says how to run the module (not only extra env) */
        public boolean runs() {
            return !command.isEmpty() || jar != null;
        }
    }

    private final Map<String, Entry> entries;

    private RunFile(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /**
     * @param solutionDirectory where to look for {@value #NAME}
     * @return its entries; none if there is no such file
     * @throws RunFileException if it exists but is not valid
     */
    public static RunFile load(Path solutionDirectory) {
        Path file = solutionDirectory.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return new RunFile(Map.of());
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new RunFileException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RunFileException(file + ": cannot be read: " + e.getMessage());
        }
        return new RunFile(new Parser(file, solutionDirectory).modules(root));
    }

    /**
     * @param module a module name
     * @return its entry, if the file has one
     */
    public Optional<Entry> entry(String module) {
        return Optional.ofNullable(entries.get(module));
    }

    private record Parser(Path file, Path base) {

        Map<String, Entry> modules(JsonNode root) {
            object(root, "$");
            JsonNode modules = root.path("modules");
            Map<String, Entry> result = new LinkedHashMap<>();
            if (modules.isMissingNode()) {
                return result;
            }
            object(modules, "$.modules");
            modules.properties().forEach(e -> result.put(e.getKey(), entry(e.getValue(), "$.modules." + e.getKey())));
            return result;
        }

        private Entry entry(JsonNode node, String path) {
            object(node, path);
            for (var field : node.properties()) {
                if (!List.of("command", "jar", "workingDirectory", "env").contains(field.getKey())) {
                    throw error(path + "." + field.getKey(), "unknown member; expected command, jar, "
                            + "workingDirectory or env");
                }
            }
            List<String> command = new ArrayList<>();
            JsonNode commandNode = node.path("command");
            if (!commandNode.isMissingNode()) {
                if (!commandNode.isArray() || commandNode.isEmpty()) {
                    throw error(path + ".command", "expected a non-empty array of strings");
                }
                for (int i = 0; i < commandNode.size(); i++) {
                    command.add(text(commandNode.get(i), path + ".command[" + i + "]"));
                }
            }
            Path jar = node.has("jar") ? base.resolve(text(node.get("jar"), path + ".jar")).normalize() : null;
            if (!command.isEmpty() && jar != null) {
                throw error(path, "give either \"command\" or \"jar\", not both");
            }
            Path directory = node.has("workingDirectory")
                    ? base.resolve(text(node.get("workingDirectory"), path + ".workingDirectory")).normalize()
                    : base;
            Map<String, String> env = new LinkedHashMap<>();
            if (node.has("env")) {
                object(node.get("env"), path + ".env");
                node.get("env").properties().forEach(v -> {
                    if (!v.getValue().isValueNode() || v.getValue().isNull()) {
                        throw error(path + ".env." + v.getKey(), "expected a string, number or boolean");
                    }
                    env.put(v.getKey(), v.getValue().asText());
                });
            }
            return new Entry(command, jar, directory, env);
        }

        private String text(JsonNode node, String path) {
            if (node == null || !node.isTextual() || node.textValue().isEmpty()) {
                throw error(path, "expected a non-empty string");
            }
            return node.textValue();
        }

        private void object(JsonNode node, String path) {
            if (!node.isObject()) {
                throw error(path, "expected an object");
            }
        }

        private RunFileException error(String path, String problem) {
            return new RunFileException(file + ": " + path + ": " + problem);
        }
    }
}
