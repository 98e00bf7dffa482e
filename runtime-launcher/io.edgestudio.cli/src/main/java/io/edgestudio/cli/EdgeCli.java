package io.edgestudio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

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
        return commandLine(args).setExpandAtFiles(false).execute(args); // 2 on invalid input
    }

    /**
     * The command line for these arguments. When they start with a subcommand's name, picocli reads only that
     * subcommand's options (reading all of them takes a good part of a short command's start); otherwise all, for
     * the usage and for errors.
     */
    static CommandLine commandLine(String... args) {
        if (args.length > 0) {
            for (Class<?> subcommand : EdgeCli.class.getAnnotation(Command.class).subcommands()) {
                Command command = subcommand.getAnnotation(Command.class);
                if (command != null && command.name().equals(args[0])) {
                    CommandSpec edge = CommandSpec.wrapWithoutInspection(new EdgeCli()).name("edge")
                            .mixinStandardHelpOptions(true);
                    edge.addSubcommand(args[0], new CommandLine(subcommand));
                    return new CommandLine(edge);
                }
            }
        }
        return new CommandLine(new EdgeCli());
    }

    public static void main(String[] args) {
        // The runtime's own log stays quiet on the console; module output and upstream messages are the point.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(execute(args));
    }
}
