package io.edgestudio.cli;

import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;

/** {@code --color}: ANSI colours only on a terminal unless asked otherwise (NO_COLOR is honoured). */
final class ColorOption {

    /** When to colour. */
    enum When { auto, always, never }

    @Option(names = "--color", paramLabel = "<when>", defaultValue = "auto",
            description = "Colour the output: auto (on a terminal), always or never (default: ${DEFAULT-VALUE}).")
    private When when = When.auto;

    /** @return the picocli ANSI mode for this choice */
    Ansi ansi() {
        return switch (when) {
            case always -> Ansi.ON;
            case never -> Ansi.OFF;
            case auto -> Ansi.AUTO.enabled() ? Ansi.ON : Ansi.OFF;
        };
    }
}
