package io.edgestudio.docker;

import java.util.Locale;
import java.util.Objects;

/**
 * Credentials for a container registry: an entry of the manifest's
 * {@code $edgeAgent.properties.desired.runtime.settings.registryCredentials}.
 *
 * @param address the registry address, e.g. {@code myregistry.azurecr.io} (a scheme or trailing slash is ignored)
 * @param username the user name
 * @param password the password or token
 */
public record RegistryCredentials(String address, String username, String password) {

    /** Checks that all parts are given. */
    public RegistryCredentials {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** @return whether these credentials are for the registry an image reference names */
    boolean isFor(String image) {
        return normalise(address).equals(registryOf(image));
    }

    /** The registry host of an image reference: its first path component when that names a host, else Docker Hub. */
    static String registryOf(String image) {
        int slash = image.indexOf('/');
        if (slash > 0) {
            String first = image.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return normalise(first);
            }
        }
        return "docker.io";
    }

    private static String normalise(String address) {
        String host = address.trim().toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "");
        int slash = host.indexOf('/');
        host = slash < 0 ? host : host.substring(0, slash);
        return host.equals("index.docker.io") || host.equals("registry-1.docker.io") ? "docker.io" : host;
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "RegistryCredentials[" + address + ", " + username + "]";
    }
}
