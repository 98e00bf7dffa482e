package io.edgestudio.docker;

import io.edgestudio.hub.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects the lines a module container prints, as {@code "stdout: text"} / {@code "stderr: text"}. */
final class RecordedOutput implements ModuleOutput {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<PullProgress> pulls = new CopyOnWriteArrayList<>();

    @Override
    public void line(String module, Stream stream, String line) {
        lines.add(stream.name().toLowerCase() + ": " + line);
    }

    @Override
    public void pull(String module, PullProgress progress) {
        pulls.add(progress);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    List<PullProgress> pulls() {
        return List.copyOf(pulls);
    }

    void awaitLine(String line, Duration timeout) {
        Await.until("output line \"" + line + "\" (have " + lines + ")", timeout, () -> lines.contains(line));
    }
}
