package io.edgestudio.hub.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One Paho async publisher and one Paho async subscriber on a broker, QoS 1 with a bounded publish window: the
 * same code measures the hub and mosquitto. Each message carries its run, its index and a send time; the
 * subscriber records the latency of the first copy of each message of the current run.
 */
final class MqttLoad implements AutoCloseable {

    /** Where to publish and what to subscribe to on one broker, and how to connect. */
    record Target(String name, String uri, MqttConnectOptions senderOptions, String senderClientId,
            MqttConnectOptions receiverOptions, String receiverClientId, String publishTopic, String subscribeFilter,
            LongSupplier cpuNanos, boolean inThisJvm) {
    }

    /**
     * What one run measured.
     *
     * @param target the broker
     * @param kind what kind of run
     * @param messages how many messages
     * @param seconds from the first publish to the last delivery
     * @param p50Millis median latency
     * @param p99Millis 99th percentile latency
     * @param maxMillis highest latency
     * @param cpuMicrosPerMessage the broker's CPU time per message (its threads or process), which depends less on
     *        what else runs on the machine than the rates do
     * @param clientCpuMicrosPerMessage the CPU time per message of the Paho clients' threads and the publishing
     *        thread (the same code for every broker: a broker's way of sending can make it cheaper or dearer)
     * @param otherJvmCpuMicrosPerMessage the rest of this JVM's CPU time per message: JIT compilers, garbage
     *        collection (of the broker's garbage too when it runs in this JVM)
     * @param jitCpuMicrosPerMessage the part of it the JIT compiler threads used
     */
    record Result(String target, String kind, int messages, double seconds, double p50Millis, double p99Millis,
            double maxMillis, double cpuMicrosPerMessage, double clientCpuMicrosPerMessage,
            double otherJvmCpuMicrosPerMessage, double jitCpuMicrosPerMessage) {

        double perSecond() {
            return messages / seconds;
        }

        @Override
        public String toString() {
            return String.format(
                    "%-28s %-16s %7d msg %7.0f msg/s  p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms  broker CPU %5.1f us/msg"
                            + "  clients CPU %5.1f us/msg  JVM other CPU %5.1f us/msg (JIT %5.1f)",
                    target, kind, messages, perSecond(), p50Millis, p99Millis, maxMillis, cpuMicrosPerMessage,
                    clientCpuMicrosPerMessage, otherJvmCpuMicrosPerMessage, jitCpuMicrosPerMessage);
        }
    }

    /** One run's receiving side. */
    private static final class Run {
        final int id;
        final long[] latencies;
        final CountDownLatch done = new CountDownLatch(1);
        int received;

        Run(int id, int messages) {
            this.id = id;
            this.latencies = new long[messages];
        }
    }

    private static final int PAYLOAD_BYTES = 256;

    private final Target target;
    private final int window;
    private final MqttAsyncClient sender;
    private final MqttAsyncClient receiver;
    private volatile Run current;
    private int runs;

    private MqttLoad(Target target, int window, MqttAsyncClient sender, MqttAsyncClient receiver) {
        this.target = target;
        this.window = window;
        this.sender = sender;
        this.receiver = receiver;
    }

    /**
     * Connects the subscriber (and subscribes) and the publisher.
     *
     * @param target the broker
     * @param window how many publishes may await their PUBACK (Paho's max in-flight too)
     * @return the connected pair
     * @throws Exception if a connection fails
     */
    static MqttLoad connect(Target target, int window) throws Exception {
        MqttAsyncClient receiver = new MqttAsyncClient(target.uri(), target.receiverClientId(), new MemoryPersistence());
        MqttAsyncClient sender = new MqttAsyncClient(target.uri(), target.senderClientId(), new MemoryPersistence());
        MqttLoad load = new MqttLoad(target, window, sender, receiver);
        target.receiverOptions().setMaxInflight(window);
        target.senderOptions().setMaxInflight(window);
        receiver.connect(target.receiverOptions()).waitForCompletion(10_000);
        receiver.subscribe(target.subscribeFilter(), 1, (topic, message) -> load.received(message.getPayload()))
                .waitForCompletion(10_000);
        sender.connect(target.senderOptions()).waitForCompletion(10_000);
        return load;
    }

    private void received(byte[] payload) {
        long now = System.nanoTime();
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        Run run = current;
        int id = buffer.getInt();
        if (run == null || id != run.id) {
            return; // a late redelivery of an earlier run
        }
        int index = buffer.getInt();
        if (run.latencies[index] == 0) {
            run.latencies[index] = Math.max(1, now - buffer.getLong());
            if (++run.received == run.latencies.length) {
                run.done.countDown();
            }
        }
    }

    /**
     * As fast as the window allows.
     *
     * @param messages how many
     * @return the numbers; latency counts from the publish call
     * @throws Exception if not everything arrives within two minutes
     */
    Result saturate(int messages) throws Exception {
        return run("saturated", messages, 0);
    }

    /**
     * At a fixed rate, each message published at its scheduled time (or as soon as the window allows).
     *
     * @param perSecond the rate
     * @param messages how many
     * @return the numbers; latency counts from the scheduled time, so a stalled publisher shows as latency
     * @throws Exception if not everything arrives within two minutes
     */
    Result fixedRate(int perSecond, int messages) throws Exception {
        return run("at " + perSecond + " msg/s", messages, 1_000_000_000L / perSecond);
    }

    private Result run(String kind, int messages, long intervalNanos) throws Exception {
        Run run = new Run(++runs, messages);
        current = run;
        Semaphore inflight = new Semaphore(window);
        IMqttActionListener release = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                inflight.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                inflight.release();
            }
        };
        long cpuBefore = target.cpuNanos().getAsLong();
        long clientCpuBefore = clientCpuNanos();
        long jvmCpuBefore = jvmCpuNanos();
        long jitCpuBefore = jitCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            long stamp;
            if (intervalNanos > 0) {
                stamp = start + i * intervalNanos;
                for (long wait = stamp - System.nanoTime(); wait > 0; wait = stamp - System.nanoTime()) {
                    if (wait > 50_000) {
                        LockSupport.parkNanos(wait - 20_000);
                    } else {
                        Thread.onSpinWait();
                    }
                }
                inflight.acquire();
            } else {
                inflight.acquire();
                stamp = System.nanoTime();
            }
            byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES).putInt(run.id).putInt(i).putLong(stamp).array();
            sender.publish(target.publishTopic(), payload, 1, false, null, release);
        }
        if (!run.done.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException(target.name() + ": received " + run.received + " of " + messages);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMicros = (target.cpuNanos().getAsLong() - cpuBefore) / 1e3 / messages;
        double clientCpuMicros = (clientCpuNanos() - clientCpuBefore) / 1e3 / messages;
        double otherCpuMicros = (jvmCpuNanos() - jvmCpuBefore) / 1e3 / messages - clientCpuMicros
                - (target.inThisJvm() ? cpuMicros : 0);
        double jitCpuMicros = (jitCpuNanos() - jitCpuBefore) / 1e3 / messages;
        long[] sorted = run.latencies.clone();
        Arrays.sort(sorted);
        return new Result(target.name(), kind, messages, seconds, sorted[messages / 2] / 1e6,
                sorted[(int) (messages * 0.99)] / 1e6, sorted[messages - 1] / 1e6, cpuMicros, clientCpuMicros,
                otherCpuMicros, jitCpuMicros);
    }

    /** @return the CPU time so far of this JVM's JIT compiler threads (not visible to the thread bean), or 0 */
    private static long jitCpuNanos() {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 10_000_000L; // clock ticks of 10 ms
    }

    /** @return this JVM's CPU time so far, all threads */
    private static long jvmCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** @return the CPU time so far of the Paho client threads in this JVM and of the calling (publishing) thread */
    private static long clientCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = threads.getCurrentThreadCpuTime();
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith("MQTT ")) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return total;
    }

    @Override
    public void close() throws Exception {
        current = null;
        sender.disconnectForcibly(0, 1000);
        receiver.disconnectForcibly(0, 1000);
        sender.close();
        receiver.close();
    }
}
