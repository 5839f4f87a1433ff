package dev.wellplan.planner.access.identity;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import dev.wellplan.support.access.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Short-lived signed tokens (JWT, RS256) for a coach or admin signed in on the planner, so that one sign-in opens
 * the notifier too. A token says who issued it ({@code iss}) and for whom ({@code aud}: the notifier), whose it is
 * ({@code sub}: the account id plans are assigned by; {@code upn}: the login) and their role ({@code groups}). The
 * notifier checks it with the planner's public key; no service calls the other to do so.
 */
public final class AccessTokens {

    /** The shortest RSA key accepted (NIST SP 800-131A). */
    static final int MIN_KEY_BITS = 2048;

    /** A signed token and how long it is good for. */
    public record Issued(String token, Duration expiresIn) {
    }

    private final Optional<PrivateKey> key;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;

    AccessTokens(Optional<PrivateKey> key, String issuer, String audience, Duration lifetime) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
    }

    /**
     * The issuer of the configured {@code wellplan.tokens.sign-key}.
     *
     * @param keyOptional whether a planner without a key may start (the local and test profiles, or an OIDC
     *                    provider signing callers in); it then issues no tokens
     * @throws IllegalStateException with the fix in its message when the key is missing where it is required, or
     *                               is not an RSA private key of at least {@value #MIN_KEY_BITS} bits
     */
    public static AccessTokens fromConfiguredKey(Optional<String> pem, String issuer, String audience,
                                                 Duration lifetime, boolean keyOptional) {
        if (pem.isEmpty() || pem.get().isBlank()) {
            if (keyOptional) {
                return new AccessTokens(Optional.empty(), issuer, audience, lifetime);
            }
            throw new IllegalStateException("wellplan.tokens.sign-key (env WELLPLAN_TOKENS_SIGN_KEY) is not set: set "
                    + "it to an RSA private key in PKCS#8 PEM, e.g. made with `openssl genpkey -algorithm RSA -pkeyopt "
                    + "rsa_keygen_bits:2048 -out token-key.pem`, and give the notifier its public key (`openssl pkey "
                    + "-in token-key.pem -pubout`) as quarkus.oidc.public-key (env QUARKUS_OIDC_PUBLIC_KEY). It signs "
                    + "the tokens coaches and admins read the notifier with. To sign them in through an OIDC provider "
                    + "instead, see docs/operations.md, \"Sign-in with an OIDC provider\".");
        }
        return new AccessTokens(Optional.of(rsaKey(pem.get())), issuer, audience, lifetime);
    }

    private static PrivateKey rsaKey(String pem) {
        PrivateKey key;
        try {
            key = KeyUtils.decodePrivateKey(pem.strip());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("wellplan.tokens.sign-key (env WELLPLAN_TOKENS_SIGN_KEY) is not an RSA "
                    + "private key in PKCS#8 PEM (\"-----BEGIN PRIVATE KEY-----\"); convert a PKCS#1 key with "
                    + "`openssl pkcs8 -topk8 -nocrypt -in key.pem`");
        }
        if (!(key instanceof RSAPrivateKey rsa) || rsa.getModulus().bitLength() < MIN_KEY_BITS) {
            throw new IllegalStateException("wellplan.tokens.sign-key (env WELLPLAN_TOKENS_SIGN_KEY) must be an RSA "
                    + "key of at least " + MIN_KEY_BITS + " bits");
        }
        return key;
    }

    /** A token for this signed-in coach or admin; empty when this planner has no signing key. */
    public Optional<Issued> issue(SecurityIdentity identity) {
        // expiresIn counts from the machine's real time, not the services' clock: the notifier checks a token's
        // expiry against real time, and the local stack's fast clock must not make a token live for days
        return key.map(signer -> new Issued(Jwt.issuer(issuer).audience(audience)
                .subject(Callers.id(identity))
                .upn(identity.getPrincipal().getName())
                .groups(Set.of(Callers.role(identity)))
                .expiresIn(lifetime)
                .sign(signer), lifetime));
    }
}
