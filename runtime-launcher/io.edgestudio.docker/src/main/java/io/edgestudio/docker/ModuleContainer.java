package io.edgestudio.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.WaitResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A started module container. Its output goes to the {@link ModuleOutput} given at start; {@link #exit()}
 * completes with the exit code once the container stopped and all its output was delivered.
 */
public final class ModuleContainer {

    /** How long output may trail the exit before {@link #exit()} completes anyway. */
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(3);
    /** Extra time the engine gets beyond the grace period to report the stop. */
    private static final Duration STOP_SLACK = Duration.ofSeconds(30);

    private final DockerClient client;
    private final String id;
    private final String name;
    private final String module;
    private final CompletableFuture<Integer> exit;
    private final OutputLines lines;

    private ModuleContainer(DockerClient client, String id, String name, String module, OutputLines lines,
            CompletableFuture<Integer> exit) {
        this.client = client;
        this.id = id;
        this.name = name;
        this.module = module;
        this.lines = lines;
        this.exit = exit;
    }

    /** Follows the output and the exit of a started container. */
    static ModuleContainer follow(DockerClient client, String id, String name, String module, ModuleOutput output) {
        OutputLines lines = new OutputLines(module, output);
        client.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true).exec(lines);
        CompletableFuture<Integer> waited = new CompletableFuture<>();
        client.waitContainerCmd(id).exec(new ResultCallback.Adapter<WaitResponse>() {
            @Override
            public void onNext(WaitResponse response) {
                waited.complete(response.getStatusCode());
            }

            @Override
            public void onError(Throwable error) {
                waited.completeExceptionally(new ContainerException(
                        "module " + module + ": lost track of container " + name + ": " + EngineErrors.message(error), error));
                closeQuietly(this);
            }

            @Override
            public void onComplete() {
                waited.completeExceptionally(new ContainerException(
                        "module " + module + ": the engine reported no exit code for container " + name));
                closeQuietly(this);
            }
        });
        CompletableFuture<Integer> exit = waited.thenCompose(code -> lines.finished().copy()
                .completeOnTimeout(null, OUTPUT_DRAIN.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(drained -> code));
        return new ModuleContainer(client, id, name, module, lines, exit);
    }

    /** @return the container id */
    public String id() {
        return id;
    }

    /** @return the container name */
    public String name() {
        return name;
    }

    /** @return the module name */
    public String module() {
        return module;
    }

    /**
     * @return completes with the exit code when the container stopped (for whatever reason) and its output was
     *         delivered; fails with a {@link ContainerException} if the engine loses the container
     */
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    /** @return whether the container has not exited yet */
    public boolean running() {
        return !exit.isDone();
    }

    /**
     * Stops gracefully: the engine sends the stop signal ({@code SIGTERM} unless the image or createOptions name
     * another), and {@code SIGKILL} when the container is still running after the grace period.
     *
     * @param grace how long the module may take to exit (whole seconds, rounded up)
     * @return the exit code
     * @throws ContainerException if the engine cannot stop the container
     */
    public int stop(Duration grace) throws ContainerException {
        int seconds = (int) Math.max(0, (grace.toMillis() + 999) / 1000);
        try {
            client.stopContainerCmd(id).withTimeout(seconds).exec();
        } catch (NotModifiedException e) {
            // already stopped
        } catch (NotFoundException e) {
            throw new ContainerException("module " + module + ": container " + name + " no longer exists", e);
        } catch (DockerException e) {
            throw new ContainerException("module " + module + ": cannot stop container " + name + ": "
                    + EngineErrors.message(e), e);
        }
        return awaitExit(Duration.ofSeconds(seconds).plus(STOP_SLACK));
    }

    /**
     * Waits for the exit code.
     *
     * @param timeout how long to wait
     * @return the exit code
     * @throws ContainerException if the container has not exited in time or was lost
     */
    public int awaitExit(Duration timeout) throws ContainerException {
        try {
            return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerException("module " + module + ": interrupted waiting for container " + name, e);
        } catch (TimeoutException e) {
            throw new ContainerException("module " + module + ": container " + name + " still runs after "
                    + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ContainerException known ? known
                    : new ContainerException("module " + module + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Removes the container, killing it if it still runs, and ends its output stream.
     *
     * @throws ContainerException if the engine refuses
     */
    public void remove() throws ContainerException {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (DockerException e) {
            throw new ContainerException("module " + module + ": cannot remove container " + name + ": "
                    + EngineErrors.message(e), e);
        } finally {
            closeQuietly(lines);
        }
    }

    private static void closeQuietly(ResultCallback<?> callback) {
        try {
            callback.close();
        } catch (java.io.IOException | RuntimeException e) {
            // the stream is gone either way
        }
    }

    @Override
    public String toString() {
        return "container " + name + " of module " + module;
    }
}
