package dev.terrace.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar's manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = TerraceCommand.class.getPackage().getImplementationVersion();
        return new String[] {"terrace " + (version == null ? "development" : version)};
    }
}
