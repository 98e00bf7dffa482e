package io.edgestudio.hub.management;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A management request, independent of the HTTP server: method, decoded path segments, query parameters and body.
 *
 * @param method the HTTP method, upper case
 * @param segments the decoded, non-empty path segments ({@code /api/v1/modules} gives {@code api, v1, modules})
 * @param query the decoded query parameters (the last value of a repeated name wins)
 * @param body the request body, empty if none
 */
public record ApiRequest(String method, List<String> segments, Map<String, String> query, byte[] body) {

    /** Freezes the collections. */
    public ApiRequest {
        segments = List.copyOf(segments);
        query = Map.copyOf(query);
    }

    /**
     * @param method the HTTP method
     * @param uri the request target ({@code /path?query})
     * @param body the body
     * @return the request
     */
    public static ApiRequest of(String method, String uri, byte[] body) {
        URI parsed = URI.create(uri);
        List<String> segments = Arrays.stream(parsed.getRawPath().split("/")).filter(s -> !s.isEmpty())
                .map(ApiRequest::decode).toList();
        Map<String, String> query = new LinkedHashMap<>();
        if (parsed.getRawQuery() != null) {
            for (String pair : parsed.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                if (equals < 0) {
                    query.put(decode(pair), "");
                } else {
                    query.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
                }
            }
        }
        return new ApiRequest(method, segments, query, body);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /**
     * @param pattern segments to match; {@code *} matches any one segment
     * @return whether the path has exactly these segments
     */
    public boolean pathMatches(String... pattern) {
        if (pattern.length != segments.size()) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param index a segment index
     * @return that segment
     */
    public String segment(int index) {
        return segments.get(index);
    }

    /**
     * @param name a query parameter
     * @return its value, if present
     */
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }
}
