package dev.wellplan.planner.access;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import dev.wellplan.planner.access.identity.AccessTokens;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The short-lived tokens the planner gives a signed-in coach or admin for the notifier
 * ({@code POST /api/auth/token}), under {@code wellplan.tokens}.
 */
@ConfigMapping(prefix = "wellplan.tokens")
public interface TokenConfig {

    /**
     * The RSA private key (2048 bits or more) that signs the tokens, as PKCS#8 PEM or its base64 body on one line
     * ({@code WELLPLAN_TOKENS_SIGN_KEY}); the notifier checks them with the public key
     * ({@code quarkus.oidc.public-key}). No default: the local stack and the tests generate a key pair, and any
     * other profile refuses to start without it (unless an OIDC provider signs callers in instead).
     */
    Optional<String> signKey();

    /** The tokens' {@code iss}; the notifier's {@code quarkus.oidc.token.issuer} names the same. */
    @WithDefault("wellplan-planner")
    @NotBlank
    String issuer();

    /** The tokens' {@code aud}, the service they are for; the notifier's {@code quarkus.oidc.token.audience}. */
    @WithDefault("wellplan-notifier")
    @NotBlank
    String audience();

    /**
     * How long a token is good for. Short, because a token cannot be taken back: a coach disabled a minute ago
     * can read the notifier until their last token expires.
     */
    @WithDefault("PT15M")
    @DurationMin(minutes = 1)
    @DurationMax(hours = 1)
    Duration lifetime();

    @ApplicationScoped
    class Producer {

        /** Built at startup: a missing or unreadable key stops the planner with a message that says what to set. */
        @Produces
        @Startup
        @ApplicationScoped
        AccessTokens accessTokens(TokenConfig config,
                                  @ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean providerSignsIn) {
            return AccessTokens.fromConfiguredKey(config.signKey(), config.issuer(), config.audience(),
                    config.lifetime(), providerSignsIn || ConfigUtils.isProfileActive("local")
                            || ConfigUtils.isProfileActive("test"));
        }
    }
}
