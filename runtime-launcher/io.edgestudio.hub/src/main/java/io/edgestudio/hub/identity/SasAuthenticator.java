package io.edgestudio.hub.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks SAS tokens against module identities as edgeHub does: HMAC-SHA256 signature with the module key,
 * audience {@code <hub>/devices/<device>/modules/<module>} (raw or URL-encoded), expiry with 5 minutes' skew.
 */
public final class SasAuthenticator {

    /** The clock skew edgeHub tolerates. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final IdentityRegistry identities;
    private final String hubHostName;
    private final Clock clock;

    /**
     * @param identities the known identities
     * @param hubHostName the IoT hub host name tokens are issued for
     * @param clock the clock expiry is checked with
     */
    public SasAuthenticator(IdentityRegistry identities, String hubHostName, Clock clock) {
        this.identities = identities;
        this.hubHostName = hubHostName;
        this.clock = clock;
    }

    /**
     * @param deviceId the claimed device
     * @param moduleId the claimed module
     * @param token the SAS token
     * @return the identity, if the token is valid for it
     * @throws AuthenticationException with the reason the token was refused
     */
    public ModuleIdentity authenticate(String deviceId, String moduleId, String token) throws AuthenticationException {
        Optional<ModuleIdentity> identity = identities.find(deviceId, moduleId);
        if (identity.isEmpty()) {
            throw new AuthenticationException("unknown identity " + deviceId + "/" + moduleId);
        }
        SharedAccessSignature sas;
        try {
            sas = SharedAccessSignature.parse(token);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException(e.getMessage());
        }
        String expected = identity.get().resource(hubHostName).toLowerCase(Locale.ROOT);
        if (!sas.resource().toLowerCase(Locale.ROOT).equals(expected)) {
            throw new AuthenticationException("token audience " + sas.resource() + " is not " + expected);
        }
        if (sas.expiry() + CLOCK_SKEW.toSeconds() < clock.instant().getEpochSecond()) {
            throw new AuthenticationException("token expired at " + sas.expiry());
        }
        String signature = SharedAccessSignature.sign(identity.get().sharedAccessKey(), sas.signedResource(), sas.expiry());
        if (!MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
                sas.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw new AuthenticationException("signature does not match");
        }
        return identity.get();
    }

    /** A token that was refused, with the reason (logged, never sent to the client). */
    public static final class AuthenticationException extends Exception {

        private static final long serialVersionUID = 1L;

        AuthenticationException(String reason) {
            super(reason);
        }
    }
}
