package dev.wellplan.planner.access.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import dev.wellplan.planner.access.AccessConfig;
import dev.wellplan.support.Digests;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Logins and passwords verified a moment ago, so that HTTP Basic on every API request costs bcrypt once per
 * {@code wellplan.access.credential-cache}, not per request. Only a keyed hash of the password is kept, salted
 * with a secret this process draws at start, so a heap dump holds no password and no offline-crackable hash.
 */
@ApplicationScoped
public class VerifiedCredentials {

    private record Entry(String passwordKey, SecurityIdentity identity) {
    }

    private final RecentLogins<Entry> byLogin;
    private final byte[] salt = new byte[32];

    public VerifiedCredentials(AccessConfig config) {
        new SecureRandom().nextBytes(salt);
        this.byLogin = new RecentLogins<>(config.credentialCache());
    }

    /** The identity verified for this login and password, if it was verified within the cache time. */
    public SecurityIdentity find(String login, char[] password) {
        Entry entry = byLogin.find(login);
        if (entry == null) {
            return null;
        }
        return MessageDigest.isEqual(entry.passwordKey().getBytes(StandardCharsets.US_ASCII),
                key(password).getBytes(StandardCharsets.US_ASCII)) ? entry.identity() : null;
    }

    public void remember(String login, char[] password, SecurityIdentity identity) {
        byLogin.remember(login, new Entry(key(password), identity));
    }

    /** Forgets a login once its account's change has committed (at once outside a transaction). */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged changed) {
        byLogin.forget(changed.login());
    }

    private String key(char[] password) {
        MessageDigest sha = Digests.sha256();
        sha.update(salt);
        sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }
}
