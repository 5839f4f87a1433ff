package dev.wellplan.planner.access.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

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

    /** Enough for every coach of a large clinic; past it, expired entries go first and then everything. */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(String passwordKey, SecurityIdentity identity, long expiresAtNanos) {
    }

    private final Map<String, Entry> byLogin = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[32];
    private final long ttlNanos;

    public VerifiedCredentials(AccessConfig config) {
        new SecureRandom().nextBytes(salt);
        this.ttlNanos = config.credentialCache().toNanos();
    }

    /** The identity verified for this login and password, if it was verified within the cache time. */
    public SecurityIdentity find(String login, char[] password) {
        Entry entry = byLogin.get(login);
        if (entry == null || entry.expiresAtNanos() - System.nanoTime() < 0) {
            return null;
        }
        return MessageDigest.isEqual(entry.passwordKey().getBytes(StandardCharsets.US_ASCII),
                key(password).getBytes(StandardCharsets.US_ASCII)) ? entry.identity() : null;
    }

    public void remember(String login, char[] password, SecurityIdentity identity) {
        if (ttlNanos <= 0) {
            return;
        }
        if (byLogin.size() >= MAX_ENTRIES) {
            long now = System.nanoTime();
            byLogin.values().removeIf(e -> e.expiresAtNanos() - now < 0);
            if (byLogin.size() >= MAX_ENTRIES) {
                byLogin.clear();
            }
        }
        byLogin.put(login, new Entry(key(password), identity, System.nanoTime() + ttlNanos));
    }

    /** Forgets a login at once: its account was disabled or its password changed. */
    public void forget(String login) {
        byLogin.remove(login);
    }

    private String key(char[] password) {
        MessageDigest sha = Digests.sha256();
        sha.update(salt);
        sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }
}
