/**
 * The local stand-in for IoT Hub's side of {@code $upstream}: every message delivered upstream is appended to
 * {@code <state>/upstream/messages.jsonl} (rotated by size), so what "the cloud" received can be inspected
 * after a run. Delivery itself, the in-memory ring and the offline switch are
 * {@link io.edgestudio.hub.core.UpstreamEndpoint}'s.
 */
package io.edgestudio.hub.upstream;
