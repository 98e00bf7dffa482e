package io.edgestudio.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgestudio.hub.identity.SasAuthenticator.AuthenticationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SasAuthenticatorTest {

    static final String HUB = "h.local";
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path state;

    private ModuleIdentity mod1;
    private ModuleIdentity mod2;
    private SasAuthenticator authenticator;

    @BeforeEach
    void setUp() throws Exception {
        IdentityRegistry registry = IdentityRegistry.open("dev1", state);
        List<ModuleIdentity> identities = registry.ensure(List.of("mod1", "mod2"));
        mod1 = identities.get(0);
        mod2 = identities.get(1);
        authenticator = new SasAuthenticator(registry, HUB, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void acceptsTheJavaSdkFormWithRawResource() throws Exception {
        String token = SharedAccessSignature.create(mod1.resource(HUB), mod1.sharedAccessKey(), expiresIn(3600));
        assertThat(token).contains("&sr=h.local/devices/dev1/modules/mod1");
        assertThat(authenticator.authenticate("dev1", "mod1", token)).isEqualTo(mod1);
    }

    @Test
    void acceptsTheUrlEncodedResourceForm() throws Exception {
        String encoded = URLEncoder.encode(mod1.resource(HUB), StandardCharsets.UTF_8);
        long se = expiresIn(3600);
        String sig = URLEncoder.encode(SharedAccessSignature.sign(mod1.sharedAccessKey(), encoded, se), StandardCharsets.UTF_8);
        String token = "SharedAccessSignature sr=" + encoded + "&sig=" + sig + "&se=" + se + "&skn=";
        assertThat(authenticator.authenticate("dev1", "mod1", token.replace("&skn=", ""))).isEqualTo(mod1);
    }

    @Test
    void refusesAnotherModulesKey() {
        String token = SharedAccessSignature.create(mod1.resource(HUB), mod2.sharedAccessKey(), expiresIn(3600));
        assertRefused("mod1", token, "signature");
    }

    @Test
    void refusesATokenForAnotherIdentity() {
        String token = SharedAccessSignature.create(mod2.resource(HUB), mod2.sharedAccessKey(), expiresIn(3600));
        assertRefused("mod1", token, "audience");
    }

    @Test
    void toleratesFiveMinutesOfSkewButNotMore() throws Exception {
        String withinSkew = SharedAccessSignature.create(mod1.resource(HUB), mod1.sharedAccessKey(), expiresIn(-299));
        assertThat(authenticator.authenticate("dev1", "mod1", withinSkew)).isEqualTo(mod1);
        String expired = SharedAccessSignature.create(mod1.resource(HUB), mod1.sharedAccessKey(), expiresIn(-301));
        assertRefused("mod1", expired, "expired");
    }

    @Test
    void refusesUnknownIdentitiesAndMalformedTokens() {
        String token = SharedAccessSignature.create(mod1.resource(HUB), mod1.sharedAccessKey(), expiresIn(3600));
        assertRefused("nobody", token, "unknown identity");
        assertRefused("mod1", "SharedAccessSignature sig=x", "sr, sig");
        assertRefused("mod1", "Bearer abc", "not a SharedAccessSignature");
        assertRefused("mod1", token.replace("sig=", "sig=A"), "signature");
    }

    private void assertRefused(String module, String token, String reason) {
        assertThatThrownBy(() -> authenticator.authenticate("dev1", module, token))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining(reason);
    }

    private static long expiresIn(long seconds) {
        return NOW.getEpochSecond() + seconds;
    }
}
