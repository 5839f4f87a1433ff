package dev.wellplan.support.access;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Bearer tokens switched on with nothing to check them by would start a service that refuses every coach and admin
 * (quarkus-oidc only warns): the start fails instead, saying what to set.
 */
@ApplicationScoped
public class BearerTokenCheck {

    void atStartup(@Observes StartupEvent started,
                   @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean bearerOn,
                   @ConfigProperty(name = "quarkus.oidc.public-key") Optional<String> publicKey,
                   @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> provider) {
        check(bearerOn, publicKey, provider);
    }

    /** @throws IllegalStateException when Bearer tokens are on and neither a public key nor a provider is set */
    static void check(boolean bearerOn, Optional<String> publicKey, Optional<String> provider) {
        if (bearerOn && publicKey.filter(k -> !k.isBlank()).isEmpty() && provider.filter(u -> !u.isBlank()).isEmpty()) {
            throw new IllegalStateException("Bearer tokens are on (quarkus.oidc.tenant-enabled) but nothing can check "
                    + "them: set quarkus.oidc.public-key (env QUARKUS_OIDC_PUBLIC_KEY) to the planner's public key, "
                    + "whose private key is its wellplan.tokens.sign-key, or quarkus.oidc.auth-server-url (env "
                    + "QUARKUS_OIDC_AUTH_SERVER_URL) to an OIDC provider (docs/operations.md, \"Sign-in with an OIDC "
                    + "provider\")");
        }
    }
}
