package io.edgestudio.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code edge --version}: the version in the jar's manifest. */
public final class EdgeVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = EdgeCli.class.getPackage().getImplementationVersion();
        return new String[] { "edge " + (version == null ? "(development build)" : version) };
    }
}
