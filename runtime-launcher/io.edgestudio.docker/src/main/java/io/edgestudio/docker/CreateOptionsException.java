package io.edgestudio.docker;

/**
 * A module's createOptions that Docker would not accept; {@link #jsonPath()} names the offending place inside
 * the createOptions object, e.g. {@code $.HostConfig.Binds[0]}.
 */
public final class CreateOptionsException extends ContainerException {

    private static final long serialVersionUID = 1L;

    private final String jsonPath;
    private final String problem;

    /**
     * @param jsonPath the JSON path inside the createOptions object ({@code $} for the whole value)
     * @param problem what is wrong there
     */
    public CreateOptionsException(String jsonPath, String problem) {
        super("createOptions " + jsonPath + ": " + problem);
        this.jsonPath = jsonPath;
        this.problem = problem;
    }

    /** @return the JSON path of the offending value inside the createOptions object */
    public String jsonPath() {
        return jsonPath;
    }

    /** @return what is wrong, without the path */
    public String problem() {
        return problem;
    }
}
