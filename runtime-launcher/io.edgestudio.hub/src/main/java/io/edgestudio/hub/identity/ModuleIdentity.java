package io.edgestudio.hub.identity;

/**
 * A module identity of the local edge device.
 *
 * @param deviceId the edge device id
 * @param moduleId the module id
 * @param sharedAccessKey the base64 symmetric key modules sign SAS tokens with
 */
public record ModuleIdentity(String deviceId, String moduleId, String sharedAccessKey) {

    /** @return {@code deviceId/moduleId}, the MQTT client id and the identity's name */
    public String id() {
        return deviceId + "/" + moduleId;
    }

    /**
     * @param hubHostName the IoT hub host name (contains a dot)
     * @return the SAS token audience, {@code <hub>/devices/<device>/modules/<module>}
     */
    public String resource(String hubHostName) {
        return hubHostName + "/devices/" + deviceId + "/modules/" + moduleId;
    }

    @Override
    public String toString() {
        return "ModuleIdentity[" + id() + "]";
    }
}
