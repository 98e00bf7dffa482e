package io.edgestudio.hub.sdk;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.twin.Twin;
import com.microsoft.azure.sdk.iot.device.twin.TwinCollection;
import java.nio.charset.StandardCharsets;

/**
 * An unmodified SDK module as a deployment runs it: a process of its own that builds its client from the
 * environment alone ({@code createFromEnvironment}), sends one message to output {@code out}, reads its twin,
 * reports a property and exits 0. Each step prints a line the test reads.
 */
public final class EnvironmentModule {

    private EnvironmentModule() {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Exception | Error e) {
            // The SDK's threads would keep the process alive: exit with the failure.
            e.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run() throws Exception {
        ModuleClient client = ModuleClient.createFromEnvironment(null, IotHubClientProtocol.MQTT);
        client.open(false);
        System.out.println("STEP connected");

        Message message = new Message("{\"from\":\"environment\"}".getBytes(StandardCharsets.UTF_8));
        message.setContentType("application/json");
        message.setProperty("kind", "workload");
        client.sendEvent(message, "out");
        System.out.println("STEP sent");

        client.subscribeToDesiredProperties((twin, context) -> { }, null); // the SDK's condition for getTwin
        Twin twin = SdkTwinCalls.getTwin(client);
        System.out.println("STEP desired threshold=" + twin.getDesiredProperties().get("threshold") + " version="
                + twin.getDesiredProperties().getVersion());

        TwinCollection reported = new TwinCollection();
        reported.put("credentials", "workload");
        System.out.println("STEP reported version=" + SdkTwinCalls.updateReported(client, reported).getVersion());

        client.close();
        System.out.println("STEP closed");
    }
}
