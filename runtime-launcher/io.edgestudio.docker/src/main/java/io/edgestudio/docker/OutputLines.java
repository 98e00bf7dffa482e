package io.edgestudio.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a container's followed output frames into lines, per stream; frames may split or join lines. */
final class OutputLines extends ResultCallback.Adapter<Frame> {

    private static final Logger LOG = LoggerFactory.getLogger(OutputLines.class);

    private final String module;
    private final ModuleOutput output;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    OutputLines(String module, ModuleOutput output) {
        this.module = module;
        this.output = output;
    }

    /** Completes when the stream ended (the container stopped or was removed) and every line was delivered. */
    CompletableFuture<Void> finished() {
        return finished;
    }

    @Override
    public synchronized void onNext(Frame frame) {
        boolean isErr = frame.getStreamType() == StreamType.STDERR;
        ByteArrayOutputStream buffer = isErr ? stderr : stdout;
        for (byte b : frame.getPayload()) {
            if (b == '\n') {
                emit(buffer, isErr);
            } else {
                buffer.write(b);
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        LOG.debug("output stream of module {} ended with an error", module, error);
        end();
    }

    @Override
    public void onComplete() {
        end();
    }

    private synchronized void end() {
        if (finished.isDone()) {
            return;
        }
        if (stdout.size() > 0) {
            emit(stdout, false);
        }
        if (stderr.size() > 0) {
            emit(stderr, true);
        }
        try {
            close();
        } catch (IOException e) {
            LOG.debug("closing the output stream of module {}", module, e);
        }
        finished.complete(null);
    }

    private void emit(ByteArrayOutputStream buffer, boolean isErr) {
        String line = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        try {
            output.line(module, isErr ? ModuleOutput.Stream.STDERR : ModuleOutput.Stream.STDOUT, line);
        } catch (RuntimeException e) {
            LOG.warn("output receiver of module {} failed", module, e);
        }
    }
}
