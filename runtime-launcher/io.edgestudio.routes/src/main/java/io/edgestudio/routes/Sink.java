package io.edgestudio.routes;

import java.util.Objects;

/** Where a route delivers: the cloud ({@code $upstream}) or a module's input. */
public sealed interface Sink {

    /** {@code $upstream}: IoT Hub. */
    record Upstream() implements Sink {
        @Override
        public String toString() {
            return "$upstream";
        }
    }

    /**
     * {@code BrokeredEndpoint("/modules/<module>/inputs/<input>")}.
     *
     * @param module the receiving module
     * @param input the module's input name
     */
    record ModuleInput(String module, String input) implements Sink {
        public ModuleInput {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(input, "input");
        }

        @Override
        public String toString() {
            return "BrokeredEndpoint(\"/modules/" + module + "/inputs/" + input + "\")";
        }
    }

    /** The single upstream sink. */
    static Sink upstream() {
        return new Upstream();
    }
}
