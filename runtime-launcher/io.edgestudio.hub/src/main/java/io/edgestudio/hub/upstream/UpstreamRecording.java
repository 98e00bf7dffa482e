package io.edgestudio.hub.upstream;

/**
 * How much of the {@code $upstream} record is kept on disk: {@code messages.jsonl} grows to
 * {@code maxFileBytes}, then becomes {@code messages.jsonl.1} (the older ones shift to {@code .2}, ...) and
 * the oldest beyond {@code maxFiles} is deleted.
 *
 * @param maxFileBytes the size at which the current file is rotated (a larger single message still goes in whole)
 * @param maxFiles how many files are kept, the current one included
 */
public record UpstreamRecording(long maxFileBytes, int maxFiles) {

    /** 10 MB × 5 files. */
    public static final UpstreamRecording DEFAULT = new UpstreamRecording(10L * 1024 * 1024, 5);

    /** Checks the limits. */
    public UpstreamRecording {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("upstream record file size must be positive, not " + maxFileBytes);
        }
        if (maxFiles < 1) {
            throw new IllegalArgumentException("upstream record needs at least one file, not " + maxFiles);
        }
    }
}
