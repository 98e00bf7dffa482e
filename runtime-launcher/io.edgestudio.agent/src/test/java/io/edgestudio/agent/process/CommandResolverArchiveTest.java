package io.edgestudio.agent.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
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
}
