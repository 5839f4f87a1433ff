package dev.wellplan.testing;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

import dev.wellplan.stack.TokenKeys;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The access tokens of a test JVM: one RSA key pair, made on first use, which the planner's tests sign with
 * ({@code wellplan.tokens.sign-key}) and the notifier's tests check with ({@code quarkus.oidc.public-key}); and
 * tokens shaped like the planner's, for the notifier's tests, which run no planner.
 */
public final class TestTokens {

    public static final String ISSUER = "wellplan-planner";
    public static final String AUDIENCE = "wellplan-notifier";

    private static TokenKeys keys;

    private TestTokens() {
    }

    public static synchronized TokenKeys keys() {
        if (keys == null) {
            keys = TokenKeys.generate();
        }
        return keys;
    }

    /** A token as the planner issues it to the account {@code accountId} with {@code role}, good for 15 minutes. */
    public static String of(String accountId, String role) {
        return signed(accountId, role, ISSUER, AUDIENCE, Duration.ofMinutes(15), keys());
    }

    /** A token with every part chosen, to show what the notifier refuses (another issuer, audience or key). */
    public static String signed(String accountId, String role, String issuer, String audience, Duration expiresIn,
                                TokenKeys by) {
        try {
            PrivateKey key = KeyUtils.decodePrivateKey(by.privateKeyPem());
            return Jwt.issuer(issuer).audience(audience).subject(accountId).upn(role + "-" + accountId + "@example.org")
                    .groups(Set.of(role)).expiresIn(expiresIn).sign(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
