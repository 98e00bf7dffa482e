package io.edgestudio.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that talks to a running edge's management API. Exit codes: {@value #OK} done,
 * {@value #REMOTE_ERROR} the edge refused (unknown module, a method that failed, ...), {@value #USAGE} a wrong
 * command line, {@value #UNREACHABLE} no edge answers at the address.
 */
@Command(mixinStandardHelpOptions = true, exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:done", "1:the edge refused: unknown module or input, a method that failed, ...",
                "2:wrong command line", "3:no edge answers at the address (start one with `edge run`)" })
abstract class ClientCommand implements Callable<Integer> {

    /** Exit code: done. */
    static final int OK = 0;
    /** Exit code: the edge answered with an error. */
    static final int REMOTE_ERROR = 1;
    /** Exit code: the command line is wrong (picocli's own usage code). */
    static final int USAGE = 2;
    /** Exit code: no edge answers. */
    static final int UNREACHABLE = 3;

    @Mixin
    private EdgeOption edge;

    @Spec
    private CommandSpec spec;

    @Override
    public final Integer call() throws InterruptedException {
        try (EdgeClient client = new EdgeClient(edge.address())) {
            return run(client, spec.commandLine().getOut());
        } catch (EdgeUnreachableException e) {
            err().println("edge: " + e.getMessage());
            return UNREACHABLE;
        } catch (RemoteEdgeException e) {
            err().println("edge: " + e.getMessage() + " (HTTP " + e.status() + " from " + edge.address() + ")");
            return REMOTE_ERROR;
        } finally {
            spec.commandLine().getOut().flush();
            err().flush();
        }
    }

    /**
     * @param client the edge's API
     * @param out standard output
     * @return the exit code
     * @throws InterruptedException if interrupted while waiting for the edge
     */
    abstract int run(EdgeClient client, PrintWriter out) throws InterruptedException;

    /** @return standard error */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** @return this command's picocli model, e.g. for usage errors */
    CommandSpec spec() {
        return spec;
    }
}
