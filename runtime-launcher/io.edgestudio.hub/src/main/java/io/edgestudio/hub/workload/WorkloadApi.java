package io.edgestudio.hub.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.hub.identity.IdentityRegistry;
import io.edgestudio.hub.identity.ModuleIdentity;
import io.edgestudio.hub.management.ApiRequest;
import io.edgestudio.hub.management.ApiResponse;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The workload endpoints modules use, independent of the HTTP server (edgelet's workload API):
 * <ul>
 * <li>{@code POST /modules/{module}/genid/{generation}/sign?api-version=...} with
 * {@code {"keyId": "primary", "algo": "HMACSHA256", "data": "<base64>"}} answers {@code {"digest": "<base64>"}},
 * the HMAC-SHA256 of the data with the module's key;</li>
 * <li>{@code GET /trust-bundle?api-version=...} answers {@code {"certificate": "<PEM>"}}, the edge CA that signs
 * the hub's server certificate.</li>
 * </ul>
 * Errors answer {@code {"message": "..."}} as edgelet does. Every request needs an {@code api-version}; the
 * Java SDK sends {@value #API_VERSION}, newer ones are accepted as the same endpoints.
 */
public final class WorkloadApi {

    /** The workload API version the Azure IoT SDKs use; also {@code IOTEDGE_APIVERSION}. */
    public static final String API_VERSION = "2018-06-28";
    private static final String HMAC = "HmacSHA256";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final IdentityRegistry identities;
    private final ModuleGenerations generations;
    private final String trustBundle;
    private final AtomicLong signatures = new AtomicLong();

    /**
     * @param identities the module identities and keys
     * @param generations the modules' generation ids
     * @param trustBundle the PEM of the CA modules should trust
     */
    public WorkloadApi(IdentityRegistry identities, ModuleGenerations generations, String trustBundle) {
        this.identities = identities;
        this.generations = generations;
        this.trustBundle = trustBundle;
    }

    /**
     * @param r a request
     * @return the answer
     */
    public ApiResponse handle(ApiRequest r) {
        try {
            if (r.queryParameter("api-version").filter(v -> !v.isBlank()).isEmpty()) {
                throw new WorkloadException(400, "the api-version query parameter is missing");
            }
            if (r.pathMatches("modules", "*", "genid", "*", "sign")) {
                expect(r, "POST");
                return sign(r.segment(1), r.segment(3), r.body());
            }
            if (r.pathMatches("trust-bundle")) {
                expect(r, "GET");
                return ApiResponse.json(200, MAPPER.createObjectNode().put("certificate", trustBundle));
            }
            throw new WorkloadException(404, "no workload endpoint " + r.method() + " /" + String.join("/", r.segments()));
        } catch (WorkloadException e) {
            return error(e.status, e.getMessage());
        }
    }

    /**
     * @param status the HTTP status
     * @param message what went wrong
     * @return {@code {"message": message}}, edgelet's error shape
     */
    static ApiResponse error(int status, String message) {
        return ApiResponse.json(status, MAPPER.createObjectNode().put("message", message));
    }

    /** @return how many signatures the API made (each SAS token a module makes or renews is one) */
    public long signatures() {
        return signatures.get();
    }

    private ApiResponse sign(String module, String generation, byte[] body) {
        ModuleIdentity identity = identities.find(identities.deviceId(), module)
                .orElseThrow(() -> new WorkloadException(404, "no module " + module + " on this edge"));
        if (!generations.find(module).map(generation::equals).orElse(false)) {
            throw new WorkloadException(404, "module " + module + " has no generation " + generation);
        }
        JsonNode request;
        try {
            request = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new WorkloadException(400, "body is not valid JSON");
        }
        if (!(request instanceof ObjectNode)) {
            throw new WorkloadException(400, "body must be {\"keyId\", \"algo\", \"data\"}");
        }
        String keyId = request.path("keyId").asText();
        if (!keyId.equals("primary")) {
            throw new WorkloadException(400, "keyId must be primary, not '" + keyId + "'");
        }
        String algo = request.path("algo").asText();
        if (!algo.equalsIgnoreCase("HMACSHA256")) {
            throw new WorkloadException(400, "algo must be HMACSHA256, not '" + algo + "'");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(request.path("data").asText());
        } catch (IllegalArgumentException e) {
            throw new WorkloadException(400, "data must be base64");
        }
        if (data.length == 0) {
            throw new WorkloadException(400, "data is empty");
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(identity.sharedAccessKey()), HMAC));
            String digest = Base64.getEncoder().encodeToString(mac.doFinal(data));
            signatures.incrementAndGet();
            return ApiResponse.json(200, MAPPER.createObjectNode().put("digest", digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is always available", e);
        }
    }

    private static void expect(ApiRequest r, String method) {
        if (!r.method().equals(method)) {
            throw new WorkloadException(405, r.method() + " is not allowed on /" + String.join("/", r.segments())
                    + "; use " + method);
        }
    }

    /** A refused workload request. */
    private static final class WorkloadException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        WorkloadException(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
