package io.edgestudio.hub.manifest;

/**
 * A deployment manifest that cannot be loaded; {@link #jsonPath()} names the offending JSON location
 * (e.g. {@code $.modulesContent['$edgeHub']['properties.desired'].routes.r1}).
 */
public final class ManifestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String jsonPath;

    /**
     * @param jsonPath the JSON path of the offending value
     * @param problem what is wrong with it
     */
    public ManifestException(String jsonPath, String problem) {
        super(jsonPath + ": " + problem);
        this.jsonPath = jsonPath;
    }

    /** @return the JSON path of the offending value */
    public String jsonPath() {
        return jsonPath;
    }
}
