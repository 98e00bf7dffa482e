package io.edgestudio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code edge} command: Edge Studio for terminals and CI. Each subcommand is a class of its own; the exit
 * code says whether the solution had errors (1) or the command line was wrong (2).
 */
@Command(name = "edge", mixinStandardHelpOptions = true, versionProvider = EdgeVersion.class,
        description = "Edge Studio: validate, generate and run Azure IoT Edge solutions written in .edge files.",
        subcommands = { ValidateCommand.class, GenerateCommand.class, ImportCommand.class,
                RunCommand.class, DemoCommand.class,
                SendCommand.class, TwinCommand.class, InvokeCommand.class, MonitorCommand.class,
                OfflineCommand.class, OnlineCommand.class, StatusCommand.class })
public final class EdgeCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the command line and returns its exit code (tests call this; {@link #main} exits with it). */
    public static int execute(String... args) {
        // No @file expansion: `edge send` and `edge invoke` read @file themselves, as JSON.
        return new CommandLine(new EdgeCli()).setExpandAtFiles(false).execute(args); // 2 on invalid input
    }

    public static void main(String[] args) {
        // The runtime's own log stays quiet on the console; module output and upstream messages are the point.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(execute(args));
    }
}
