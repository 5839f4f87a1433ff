package dev.wellplan.planner.access.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.wellplan.testing.TestTokens;

/** Outside the local and test profiles the planner does not start without a key it can sign with. */
class AccessTokensTest {

    @Test
    void no_key_stops_the_start_with_what_to_set_unless_the_key_is_optional() {
        assertThatThrownBy(() -> from(Optional.empty(), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WELLPLAN_TOKENS_SIGN_KEY")
                .hasMessageContaining("QUARKUS_OIDC_PUBLIC_KEY")
                .hasMessageContaining("openssl genpkey");
        assertThat(from(Optional.empty(), true)).as("local and test profiles, or an OIDC provider").isNotNull();
    }

    @Test
    void a_key_that_is_not_a_long_enough_rsa_private_key_stops_the_start() throws Exception {
        assertThatThrownBy(() -> from(Optional.of("not a key"), true)).hasMessageContaining("PKCS#8");
        assertThatThrownBy(() -> from(Optional.of(TestTokens.keys().publicKeyPem()), true))
                .hasMessageContaining("PKCS#8");
        KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
        small.initialize(1024);
        String weak = Base64.getEncoder().encodeToString(small.generateKeyPair().getPrivate().getEncoded());
        assertThatThrownBy(() -> from(Optional.of(weak), true)).hasMessageContaining("at least 2048 bits");
        assertThat(from(Optional.of(TestTokens.keys().privateKeyPem()), false)).isNotNull();
    }

    private static AccessTokens from(Optional<String> key, boolean optional) {
        return AccessTokens.fromConfiguredKey(key, "wellplan-planner", "wellplan-notifier", Duration.ofMinutes(15),
                optional);
    }
}
