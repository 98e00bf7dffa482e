package io.edgestudio.agent.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.edgestudio.agent.ModuleLaunch;
import io.edgestudio.hub.manifest.ModuleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandResolverArchiveTest {

    @TempDir
    Path dir;

    @Test
    void anArchiveOlderThanTheModuleJarIsRemovedAndANewerOneKept() throws Exception {
        Path jar = Files.writeString(dir.resolve("filter.jar"), "jar");
        Path archive = Files.writeString(dir.resolve("Filter.jsa"), "archive");
        Instant now = Instant.now();
        Files.setLastModifiedTime(jar, FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(archive, FileTime.from(now.minusSeconds(30)));

        CommandResolver.removeIfOlder(archive, List.of(jar));
        assertThat(archive).exists();

        Files.setLastModifiedTime(jar, FileTime.from(now)); // the module was rebuilt
        CommandResolver.removeIfOlder(archive, List.of(jar, dir.resolve("missing.jar")));
        assertThat(archive).doesNotExist();
    }

    @Test
    void edgesSharingAClassDataDirectoryShareTheStandInsArchiveButNotTheirModules() throws Exception {
        Path shared = dir.resolve("cds");
        Path java = CommandResolver.currentJava();
        String runtime = dir.resolve("edge.jar") + File.pathSeparator + dir.resolve("lib/sdk.jar");
        CommandResolver factory = resolver(dir.resolve("factory"), java, shared, runtime);
        CommandResolver greenhouse = resolver(dir.resolve("greenhouse"), java, shared, runtime);

        String sensorImage = CommandResolver.SIMULATED_SENSOR_IMAGE + ":1.5";
        assertThat(archiveOf(factory.resolve(launch("SimulatedTemperatureSensor", sensorImage))))
                .isEqualTo(archiveOf(greenhouse.resolve(launch("Sensor", sensorImage))))
                .startsWith(shared.toString());
        assertThat(archiveOf(resolver(dir.resolve("other"), java, shared, runtime + File.pathSeparator + "x.jar")
                .resolve(launch("Sensor", sensorImage))))
                .as("another runtime class path has its own archive")
                .isNotEqualTo(archiveOf(factory.resolve(launch("Sensor", sensorImage))));

        for (Path solution : List.of(dir.resolve("factory"), dir.resolve("greenhouse"))) {
            Path target = Files.createDirectories(solution.resolve("modules/Filter/target"));
            Files.writeString(solution.resolve("modules/Filter/pom.xml"), "<project/>");
            Files.writeString(target.resolve("filter.jar"), "jar");
        }
        assertThat(archiveOf(factory.resolve(launch("Filter", "filter:0.0.1"))))
                .as("modules of the same name in two solutions")
                .isNotEqualTo(archiveOf(greenhouse.resolve(launch("Filter", "filter:0.0.1"))));
    }

    private static CommandResolver resolver(Path solution, Path java, Path classData, String runtimeClasspath) {
        return new CommandResolver(solution, RunFile.load(solution), java, Map.of(), "127.0.0.1", classData,
                runtimeClasspath);
    }

    private static ModuleLaunch launch(String module, String image) {
        return new ModuleLaunch(new ModuleSpec(module, "docker", "running", "always", image, "", Map.of(),
                ModuleSpec.DEFAULT_STARTUP_ORDER), Map.of(), "g1");
    }

    private static String archiveOf(ProcessCommand command) {
        return command.command().stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=")).findFirst()
                .map(a -> a.substring("-XX:SharedArchiveFile=".length())).orElseThrow();
    }
}
