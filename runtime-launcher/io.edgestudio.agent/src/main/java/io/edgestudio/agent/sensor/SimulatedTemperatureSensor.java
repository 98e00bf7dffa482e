package io.edgestudio.agent.sensor;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the {@code azureiotedge-simulated-temperature-sensor} image as a local process: sends
 * {@code {"machine":{"temperature","pressure"},"ambient":{"temperature","humidity"},"timeCreated"}} on output
 * {@code temperatureOutput}, the machine temperature climbing from about 21 °C by 2 °C per reading and starting
 * over above 100 °C. Environment: {@code MessageCount} (default 500; then it idles), {@code SendInterval} in
 * seconds (default 5). Direct method {@code reset} starts the climb over and answers the reading count.
 */
public final class SimulatedTemperatureSensor {

    private static final double START = 21.0;
    private static final double STEP = 2.0;
    private static final double TOP = 100.0;

    private final AtomicInteger step = new AtomicInteger();

    private SimulatedTemperatureSensor() {
    }

    /**
     * @param args ignored
     * @throws Exception if the hub cannot be reached
     */
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(env("MessageCount", "500"));
        long intervalMillis = Math.round(Double.parseDouble(env("SendInterval", "5")) * 1000);
        SimulatedTemperatureSensor sensor = new SimulatedTemperatureSensor();
        ModuleClient client = ModuleClient.createFromEnvironment(null, IotHubClientProtocol.MQTT);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            client.close();
        }));
        client.open(true);
        client.subscribeToMethods((method, payload, context) -> sensor.answer(method), null);
        System.out.println("Sending " + count + " readings every " + intervalMillis + " ms");
        for (int sent = 0; sent < count; sent++) {
            Message message = new Message(sensor.next().getBytes(StandardCharsets.UTF_8));
            message.setContentType("application/json");
            message.setContentEncoding("utf-8");
            client.sendEvent(message, "temperatureOutput");
            if (stopped.await(intervalMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        System.out.println("Sent " + count + " readings; idle until stopped");
        stopped.await();
    }

    private DirectMethodResponse answer(String method) {
        if (method.equals("reset")) {
            int readings = step.getAndSet(0);
            return new DirectMethodResponse(200, "{\"reset\":true,\"readingsSinceReset\":" + readings + "}");
        }
        return new DirectMethodResponse(404, "{\"error\":\"unknown method " + method + "\"}");
    }

    /** @return the next reading as JSON */
    String next() {
        int n = step.getAndIncrement();
        double machine = START + (n * STEP) % (TOP - START) + (n % 3) * 0.1;
        double pressure = 1.0 + (machine - START) * 0.1;
        return String.format(Locale.ROOT, "{\"machine\":{\"temperature\":%.2f,\"pressure\":%.2f},"
                + "\"ambient\":{\"temperature\":%.2f,\"humidity\":%d},\"timeCreated\":\"%s\"}", machine, pressure,
                20.5 + (n % 5) * 0.2, 24 + n % 3, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
