package io.edgestudio.cli;

import java.net.URI;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Where a running edge serves its management API: {@code host:port}, or a URL {@code http://host:port}.
 *
 * @param host the host name or IP address
 * @param port the TCP port
 */
record EdgeAddress(String host, int port) {

    /** The local edge's default management address (iotedgehubdev's port). */
    static final String DEFAULT = "127.0.0.1:53000";

    /** @return the API's base URI, e.g. {@code http://127.0.0.1:53000} */
    URI baseUri() {
        String literal = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + literal + ":" + port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * @param text {@code host:port}, {@code [ipv6]:port} or {@code http://host:port}
     * @return the address
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    static EdgeAddress parse(String text) {
        String value = text.strip();
        if (value.startsWith("http://")) {
            value = value.substring("http://".length()).replaceFirst("/+$", "");
        }
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not host:port (for example " + DEFAULT + ")");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no port number after the last ':'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " in '" + text + "' is not 1-65535");
        }
        return new EdgeAddress(host, port);
    }

    /** Converts the {@code --edge} option. */
    static final class Converter implements ITypeConverter<EdgeAddress> {
        @Override
        public EdgeAddress convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
