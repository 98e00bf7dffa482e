package io.edgestudio.agent.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leftover module processes of a crashed runtime: ours are stopped, a reused pid is left alone. */
class ProcessRecordsTest {

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void kill() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRecordedProcessThatStillRunsIsStoppedWithItsChildren() throws Exception {
        process = new ProcessBuilder("sh", "-c", "sleep 300 & wait").start();
        ProcessRecords records = new ProcessRecords(dir);
        records.record("m", process.toHandle());
        long child = waitForChild(process.toHandle());

        assertThat(new ProcessRecords(dir).removeLeftovers(Duration.ofSeconds(5))).containsExactly(process.pid());

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void aRecordWhoseProcessStartedAtAnotherTimeIsNotOurs() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(dir.resolve("m.json"), "{\"module\":\"m\",\"pid\":" + self.pid()
                + ",\"startInstant\":\"2001-01-01T00:00:00Z\",\"command\":\"" + self.info().command().orElse("") + "\"}");

        assertThat(new ProcessRecords(dir).removeLeftovers(Duration.ofSeconds(1))).isEmpty();
        assertThat(self.isAlive()).isTrue();
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void anEndedProcessIsForgotten() throws Exception {
        process = new ProcessBuilder("true").start();
        ProcessRecords records = new ProcessRecords(dir);
        records.record("m", process.toHandle());
        process.waitFor();

        records.forget("m", process.pid());

        assertThat(Files.list(dir)).isEmpty();
    }

    private static long waitForChild(ProcessHandle parent) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            var child = parent.children().findFirst();
            if (child.isPresent()) {
                return child.get().pid();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no child process");
    }
}
