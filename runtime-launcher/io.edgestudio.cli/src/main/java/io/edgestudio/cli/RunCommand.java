package io.edgestudio.cli;

import io.edgestudio.agent.process.RunFileException;
import io.edgestudio.docker.NoDockerEngineException;
import io.edgestudio.hub.manifest.ManifestException;
import java.net.BindException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code edge run}: generates the solution if given as {@code .edge} files, builds its generated Java modules,
 * starts the local hub and the agent, and streams module output and {@code $upstream} messages until Ctrl-C
 * or SIGTERM, which stop every module (gracefully, then forcibly) and the hub.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = { "Run a solution on the local edge: generate, build the Java modules, start hub and modules.",
                "Exit codes: 130 (Ctrl-C) or 143 (SIGTERM) after a clean stop, 1 invalid solution, manifest or "
                        + "edge-run.json, 3 address in use, "
                        + "4 module build failed, 5 cannot start, 6 --backend docker but no Docker engine answers." })
final class RunCommand implements Callable<Integer> {

    /** Exit code for an invalid solution, manifest or side file. */
    static final int EXIT_INVALID = 1;
    /** Exit code when an address is in use. */
    static final int EXIT_ADDRESS_IN_USE = 3;
    /** Exit code when building a generated Java module failed. */
    static final int EXIT_BUILD_FAILED = 4;
    /** Exit code for other start failures. */
    static final int EXIT_CANNOT_START = 5;
    /** Exit code when {@code --backend docker} is asked for and no Docker engine answers. */
    static final int EXIT_NO_DOCKER = 6;

    @Parameters(index = "0", paramLabel = "<solution>",
            description = "A solution directory, a .edge file, or a deployment manifest (.json).")
    Path solution;

    @Mixin
    RuntimeOptions options;

    @Override
    public Integer call() {
        Console console = Console.standard();
        return run(console, edge -> false);
    }

    /** Starts the edge, calls {@code whileRunning} on it, and waits for Ctrl-C or SIGTERM or the session's end. */
    int run(Console console, EdgeSession whileRunning) {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // Registered before the start: a Ctrl-C or SIGTERM while the modules start lets the start finish, then
        // stops everything it started, instead of leaving their processes and containers behind.
        Thread hook = new Thread(() -> {
            stopped.countDown();
            awaitQuietly(closed);
        }, "edge-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(console, whileRunning, stopped);
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    private int run(Console console, EdgeSession whileRunning, CountDownLatch stopped) {
        LocalEdge edge;
        try {
            SolutionInput input = SolutionInput.resolve(solution, console);
            edge = LocalEdge.start(input, options, console);
        } catch (SolutionInput.InvalidSolution | RunFileException | IllegalArgumentException e) {
            console.error(e.getMessage());
            return EXIT_INVALID;
        } catch (ManifestException e) {
            console.error("invalid manifest: " + e.getMessage());
            return EXIT_INVALID;
        } catch (NoDockerEngineException e) {
            console.error("--backend docker: " + e.getMessage() + " (set DOCKER_HOST, start dockerd, or use "
                    + "--backend auto)");
            return EXIT_NO_DOCKER;
        } catch (ModuleBuild.BuildException e) {
            console.error(e.getMessage());
            return EXIT_BUILD_FAILED;
        } catch (BindException e) {
            console.error("cannot listen on " + options.bind + ": " + e.getMessage()
                    + " (another edge? use --bind 127.0.0.2 or other ports)");
            return EXIT_ADDRESS_IN_USE;
        } catch (GeneralSecurityException e) {
            console.error("cannot issue the hub certificates: " + e);
            return EXIT_CANNOT_START;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_CANNOT_START;
        } catch (Exception e) {
            console.error("cannot start: " + e);
            return EXIT_CANNOT_START;
        }
        try {
            Thread session = Thread.ofPlatform().name("edge-session").daemon().start(() -> {
                try {
                    if (whileRunning.run(edge)) {
                        stopped.countDown();
                    }
                } catch (InterruptedException e) {
                    // stopping
                } catch (Exception e) {
                    console.error(e.toString());
                    stopped.countDown();
                }
            });
            awaitQuietly(stopped);
            session.interrupt();
        } finally {
            console.note("stopping ...");
            edge.close();
            console.note("stopped");
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Something to do while the edge runs. */
    @FunctionalInterface
    interface EdgeSession {
        /** @return whether to stop the edge now (otherwise it runs until Ctrl-C) */
        boolean run(LocalEdge edge) throws Exception;
    }
}
