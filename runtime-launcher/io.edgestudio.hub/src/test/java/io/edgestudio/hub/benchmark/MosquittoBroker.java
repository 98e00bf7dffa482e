package io.edgestudio.hub.benchmark;

import io.edgestudio.hub.testing.Await;
import io.edgestudio.hub.tls.HubCertificates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A mosquitto broker (the Debian package) started as a child process with one TLS listener on a free loopback
 * port, presenting a certificate from the hub's own generator, so the same Paho clients can load it and the hub.
 *
 * @param uri the listener's {@code ssl://} address
 * @param process the broker process
 */
record MosquittoBroker(String uri, Process process) implements AutoCloseable {

    /** Where Debian installs the broker; {@code -Dedge.benchmark.mosquitto=PATH} names another. */
    static final String DEFAULT_EXECUTABLE = "/usr/sbin/mosquitto";

    /**
     * @param directory a working directory (config, log, persistence file)
     * @param certificates the TLS material (server certificate for 127.0.0.1 and its key)
     * @param inflight the broker's in-flight window per client ({@code max_inflight_messages})
     * @param persistence whether the broker keeps a persistence file
     * @return the running broker, accepting connections
     * @throws IOException if it cannot be started
     */
    static MosquittoBroker start(Path directory, HubCertificates certificates, int inflight, boolean persistence)
            throws IOException {
        Path executable = Path.of(System.getProperty("edge.benchmark.mosquitto", DEFAULT_EXECUTABLE));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("mosquitto not found at " + executable
                    + ": install it (apt-get install -y mosquitto) or pass -Dedge.benchmark.mosquitto=PATH");
        }
        Files.createDirectories(directory);
        Path certs = certificates.caFile().getParent();
        int port = freePort();
        Path config = directory.resolve("mosquitto.conf");
        Files.write(config, List.of(
                "user " + System.getProperty("user.name"),
                "allow_anonymous true",
                "persistence " + persistence,
                "persistence_location " + directory + "/",
                "max_inflight_messages " + inflight,
                "max_queued_messages 1000000",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                "listener " + port + " 127.0.0.1",
                "cafile " + certificates.caFile(),
                "certfile " + certs.resolve("edge-hub-server.cert.pem"),
                "keyfile " + certs.resolve("edge-hub-server.key.pem")));
        Process process = new ProcessBuilder(executable.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("mosquitto.log").toFile()).start();
        MosquittoBroker broker = new MosquittoBroker("ssl://127.0.0.1:" + port, process);
        try {
            Await.until("mosquitto listening on port " + port, Duration.ofSeconds(10),
                    () -> !process.isAlive() || accepts(port));
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ": "
                        + Files.readString(directory.resolve("mosquitto.log")));
            }
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the CPU time (user + system) the broker process used so far, at clock-tick resolution */
    long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ... utime(11) stime(12), in clock ticks of 10 ms
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
