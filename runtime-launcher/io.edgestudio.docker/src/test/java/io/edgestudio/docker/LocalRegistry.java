package io.edgestudio.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A registry on the loopback serving one image over the Docker Registry HTTP API v2, so the engine really
 * pulls (the engine allows plain HTTP on 127.0.0.0/8). The image holds a busybox binary and a few applets.
 */
final class LocalRegistry implements AutoCloseable {

    private static final String MANIFEST_TYPE = "application/vnd.docker.distribution.manifest.v2+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int TLS_HANDSHAKE = 0x16;

    private final ServerSocket server;
    private final String repository;
    private final String tag;
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final byte[] manifest;
    private final AtomicInteger requests = new AtomicInteger();
    private final String authorization;

    /**
     * @param busybox a statically linked busybox binary
     * @param repository the repository path, e.g. {@code edgestudio-test/pulled}
     * @param tag the tag
     */
    LocalRegistry(Path busybox, String repository, String tag) throws IOException {
        this(busybox, repository, tag, null, null);
    }

    /**
     * A registry that answers only requests with HTTP basic authentication for the given user.
     *
     * @param username the user, or null for no authentication
     * @param password the password
     */
    LocalRegistry(Path busybox, String repository, String tag, String username, String password) throws IOException {
        this.authorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.repository = repository;
        this.tag = tag;
        byte[] layerTar = rootfs(busybox);
        byte[] layer = gzip(layerTar);
        byte[] config = JSON.writeValueAsBytes(Map.of(
                "architecture", "amd64", "os", "linux",
                "config", Map.of("Env", List.of("PATH=/bin"), "Cmd", List.of("/bin/sh")),
                "rootfs", Map.of("type", "layers", "diff_ids", List.of(digest(layerTar)))));
        blobs.put(digest(layer), layer);
        blobs.put(digest(config), config);
        manifest = JSON.writeValueAsBytes(Map.of(
                "schemaVersion", 2, "mediaType", MANIFEST_TYPE,
                "config", Map.of("mediaType", "application/vnd.docker.container.image.v1+json",
                        "size", config.length, "digest", digest(config)),
                "layers", List.of(Map.of("mediaType", "application/vnd.docker.image.rootfs.diff.tar.gzip",
                        "size", layer.length, "digest", digest(layer)))));
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::serve);
    }

    /** @return the image reference the engine pulls, e.g. {@code 127.0.0.1:41234/edgestudio-test/pulled:1} */
    String image() {
        return "127.0.0.1:" + server.getLocalPort() + "/" + repository + ":" + tag;
    }

    /** @return how many connections the registry accepted (HTTPS attempts included) */
    int requests() {
        return requests.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                Thread.ofVirtual().start(() -> answer(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** One request per connection ({@code Connection: close}). */
    private void answer(Socket connection) {
        requests.incrementAndGet();
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            in.mark(1);
            if (in.read() == TLS_HANDSHAKE) {
                // The engine tries HTTPS first; closing at once makes it fall back to HTTP without a timeout.
                return;
            }
            in.reset();
            String[] requestLine = readLine(in).split(" ");
            String givenAuthorization = null;
            for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
                if (header.regionMatches(true, 0, "Authorization:", 0, 14)) {
                    givenAuthorization = header.substring(14).trim();
                }
            }
            if (authorization != null && !authorization.equals(givenAuthorization)) {
                connection.getOutputStream().write(("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"edge\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                return;
            }
            respond(connection.getOutputStream(), requestLine[0], requestLine[1]);
        } catch (IOException | RuntimeException e) {
            // the client went away
        }
    }

    private void respond(OutputStream out, String method, String path) throws IOException {
        String prefix = "/v2/" + repository + "/";
        String blob = path.startsWith(prefix + "blobs/") ? path.substring((prefix + "blobs/").length()) : null;
        if (path.equals("/v2/")) {
            send(out, method, "application/json", "{}".getBytes(StandardCharsets.UTF_8), null);
        } else if (path.equals(prefix + "manifests/" + tag) || path.equals(prefix + "manifests/" + digest(manifest))) {
            send(out, method, MANIFEST_TYPE, manifest, digest(manifest));
        } else if (blob != null && blobs.containsKey(blob)) {
            send(out, method, "application/octet-stream", blobs.get(blob), blob);
        } else {
            out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    private static void send(OutputStream out, String method, String type, byte[] body, String digest)
            throws IOException {
        String head = "HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
                + "\r\nDocker-Distribution-API-Version: registry/2.0\r\nConnection: close\r\n"
                + (digest == null ? "" : "Docker-Content-Digest: " + digest + "\r\n") + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        if (!method.equals("HEAD")) {
            out.write(body);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static byte[] rootfs(Path busybox) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry bin = new TarArchiveEntry("bin/");
            bin.setMode(040755);
            tar.putArchiveEntry(bin);
            tar.closeArchiveEntry();
            byte[] binary = Files.readAllBytes(busybox);
            TarArchiveEntry file = new TarArchiveEntry("bin/busybox");
            file.setMode(0100755);
            file.setSize(binary.length);
            tar.putArchiveEntry(file);
            tar.write(binary);
            tar.closeArchiveEntry();
            for (String applet : List.of("sh", "echo")) {
                TarArchiveEntry link = new TarArchiveEntry("bin/" + applet, TarArchiveEntry.LF_SYMLINK);
                link.setLinkName("busybox");
                link.setMode(0120777);
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(data);
        }
        return bytes.toByteArray();
    }

    private static String digest(byte[] data) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
