package dev.wellplan.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as both services use it: to key rows by something without storing it (a login, an address), to
 * fingerprint a request, to derive a Message-ID. Not for passwords: those are bcrypt, in the planner's accounts.
 */
public final class Digests {

    private Digests() {
    }

    /** The SHA-256 of the parts, each followed by a newline (so "ab","c" and "a","bc" differ), in hex. */
    public static String sha256Hex(String... parts) {
        MessageDigest sha = sha256();
        for (String part : parts) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The SHA-256 of {@code bytes}, in hex. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
