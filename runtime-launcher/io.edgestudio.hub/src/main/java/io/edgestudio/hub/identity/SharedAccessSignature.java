package io.edgestudio.hub.identity;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An IoT Hub SAS token: {@code SharedAccessSignature sr=<resource>&sig=<signature>&se=<expiry>[&skn=<policy>]}.
 * The signature is {@code Base64(HMAC-SHA256(Base64Decode(key), sr + "\n" + se))} over {@code sr} exactly as it
 * appears in the token (raw for the Java SDK, URL-encoded for others).
 *
 * @param signedResource the {@code sr} field as transmitted (not decoded)
 * @param signature the decoded base64 signature
 * @param expiry the {@code se} field, seconds since the epoch
 */
public record SharedAccessSignature(String signedResource, String signature, long expiry) {

    private static final String PREFIX = "SharedAccessSignature ";

    /**
     * @param token a SAS token (e.g. an MQTT password)
     * @return the parsed token
     * @throws IllegalArgumentException if the token is malformed
     */
    public static SharedAccessSignature parse(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a SharedAccessSignature token");
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : token.substring(PREFIX.length()).trim().split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || fields.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("malformed or repeated field in SAS token: " + pair);
            }
        }
        String sr = fields.get("sr");
        String sig = fields.get("sig");
        String se = fields.get("se");
        if (sr == null || sig == null || se == null || !se.matches("[0-9]{1,12}")) {
            throw new IllegalArgumentException("SAS token needs sr, sig and a numeric se");
        }
        return new SharedAccessSignature(sr, URLDecoder.decode(sig, StandardCharsets.UTF_8), Long.parseLong(se));
    }

    /**
     * Creates a token the way the Azure IoT Java SDK does (raw {@code sr}).
     *
     * @param resource the audience, e.g. {@code h.local/devices/d/modules/m}
     * @param base64Key the shared access key
     * @param expiry expiry, seconds since the epoch
     * @return the token text
     */
    public static String create(String resource, String base64Key, long expiry) {
        String sig = sign(base64Key, resource, expiry);
        return PREFIX + "sig=" + URLEncoder.encode(sig, StandardCharsets.UTF_8) + "&se=" + expiry + "&sr=" + resource;
    }

    /** @return the audience with any URL encoding removed */
    public String resource() {
        return URLDecoder.decode(signedResource, StandardCharsets.UTF_8);
    }

    static String sign(String base64Key, String signedResource, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
            byte[] digest = mac.doFinal((signedResource + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
