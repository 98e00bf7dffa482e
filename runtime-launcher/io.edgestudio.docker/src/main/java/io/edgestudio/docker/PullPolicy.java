package io.edgestudio.docker;

/** When a module's image is pulled: the manifest's {@code imagePullPolicy}. */
public enum PullPolicy {
    /** Pull when the image is not present locally ({@code on-create}, the default). */
    ON_CREATE,
    /** Never pull; a missing image is an error ({@code never}). */
    NEVER;

    /**
     * @param value the manifest value ({@code on-create}, {@code never}) or null for the default
     * @return the policy
     * @throws IllegalArgumentException for any other value
     */
    public static PullPolicy fromManifest(String value) {
        if (value == null || value.equals("on-create")) {
            return ON_CREATE;
        }
        if (value.equals("never")) {
            return NEVER;
        }
        throw new IllegalArgumentException("imagePullPolicy must be on-create or never, not \"" + value + "\"");
    }
}
