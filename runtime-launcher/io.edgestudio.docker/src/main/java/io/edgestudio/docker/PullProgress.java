package io.edgestudio.docker;

/**
 * One progress report of an image pull, as the engine sends it.
 *
 * @param image the image being pulled
 * @param layer the layer id the report is about, or null for the image as a whole
 * @param status e.g. {@code Pulling fs layer}, {@code Downloading}, {@code Pull complete}
 * @param current bytes done for the layer, or -1 when unknown
 * @param total layer size in bytes, or -1 when unknown
 */
public record PullProgress(String image, String layer, String status, long current, long total) {
}
