package io.edgestudio.agent.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** edge-run.json: entries, and errors naming the file and the JSON path. */
class RunFileTest {

    @TempDir
    Path dir;

    @Test
    void entriesResolveAgainstTheSolutionDirectory() throws Exception {
        Files.writeString(dir.resolve(RunFile.NAME), """
                {"modules": {
                  "a": {"command": ["python3", "a.py"], "workingDirectory": "tools", "env": {"N": 3}},
                  "b": {"jar": "lib/b.jar"},
                  "c": {"env": {"SendInterval": "0.5"}}}}
                """);

        RunFile file = RunFile.load(dir);

        assertThat(file.entry("a").orElseThrow()).isEqualTo(new RunFile.Entry(java.util.List.of("python3", "a.py"),
                null, dir.resolve("tools"), java.util.Map.of("N", "3")));
        assertThat(file.entry("b").orElseThrow().jar()).isEqualTo(dir.resolve("lib/b.jar"));
        assertThat(file.entry("c").orElseThrow().runs()).isFalse();
        assertThat(file.entry("d")).isEmpty();
        assertThat(RunFile.load(dir.resolve("nowhere")).entry("a")).isEmpty();
    }

    @Test
    void errorsNameTheJsonPath() throws Exception {
        assertError("{\"modules\": {\"a\": {\"command\": [\"x\", 1]}}}", "$.modules.a.command[1]: expected a non-empty string");
        assertError("{\"modules\": {\"a\": {\"command\": []}}}", "$.modules.a.command: expected a non-empty array");
        assertError("{\"modules\": {\"a\": {\"command\": [\"x\"], \"jar\": \"y\"}}}", "$.modules.a: give either");
        assertError("{\"modules\": {\"a\": {\"cmd\": [\"x\"]}}}", "$.modules.a.cmd: unknown member");
        assertError("{\"modules\": []}", "$.modules: expected an object");
        assertError("{\"modules\": {\"a\": {\"env\": {\"X\": {}}}}}", "$.modules.a.env.X: expected a string");
        assertError("{\"modules\": {\n  \"a\": {,}}}", RunFile.NAME + ":2:");
    }

    private void assertError(String json, String expected) throws Exception {
        Files.writeString(dir.resolve(RunFile.NAME), json);
        assertThatThrownBy(() -> RunFile.load(dir)).isInstanceOf(RunFileException.class)
                .hasMessageContaining(dir.resolve(RunFile.NAME).toString()).hasMessageContaining(expected);
    }
}
