package dev.wellplan.calendar;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens for the links a client follows from an e-mail (unsubscribe, preferences, calendar feed)
 * without signing in. A token names a subject (a client or plan id) and an expiry, and is signed
 * with HMAC-SHA256 over its purpose too, so a token made for one purpose never opens another: an
 * unsubscribe link cannot read a calendar. Tokens are URL-safe base64 and need no storage; the
 * price is that one cannot be revoked before it expires, except by changing the secret.
 *
 * <p>Format: {@code base64url(expiresEpochSecond ":" subject) "." base64url(hmac)}, where the MAC
 * covers a version tag, the purpose and the first part.
 */
public final class SignedLinks {

    /** The shortest secret accepted: as long as the HMAC-SHA256 output. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "wellplan-link-v1";
    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final int MAX_TOKEN_CHARS = 1024;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a token turned out to be. {@code EXPIRED} is only said of a token whose signature holds. */
    public enum Verdict { VALID, EXPIRED, INVALID }

    /** The outcome of {@link #check}; {@code subject} and {@code expires} are set only when the signature holds. */
    public record Check(Verdict verdict, String subject, Instant expires) {

        static final Check INVALID = new Check(Verdict.INVALID, null, null);

        public boolean valid() {
            return verdict == Verdict.VALID;
        }
    }

    private final SecretKeySpec key;

    /** @throws IllegalArgumentException when the secret is shorter than {@value #MIN_SECRET_BYTES} bytes */
    public SignedLinks(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("a link secret must be at least " + MIN_SECRET_BYTES + " bytes, was "
                    + (secret == null ? "missing" : secret.length + " bytes"));
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /**
     * The signer for the configured {@code wellplan.links.secret}, which the planner and the
     * notifier share.
     *
     * @throws IllegalStateException with the fix in its message when the secret is missing or short
     */
    public static SignedLinks fromConfiguredSecret(Optional<String> secret) {
        byte[] bytes = secret.map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("wellplan.links.secret (env WELLPLAN_LINKS_SECRET) is "
                    + (bytes.length == 0 ? "not set" : "too short (" + bytes.length + " bytes)")
                    + ": set it to a random value of at least " + MIN_SECRET_BYTES + " bytes, e.g. "
                    + "`openssl rand -base64 48`, the same on the planner and the notifier. It signs the unsubscribe, "
                    + "preferences and calendar links in client e-mails.");
        }
        return new SignedLinks(bytes);
    }

    /** A token for {@code subject}, good for {@code purpose} until {@code expires}. */
    public String token(String purpose, String subject, Instant expires) {
        checkPurpose(purpose);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expires, "expires");
        String body = ENCODER.encodeToString((expires.getEpochSecond() + ":" + subject).getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(mac(purpose, body));
    }

    /** The subject of a token made for {@code purpose} that has not expired at {@code now}; empty otherwise. */
    public Optional<String> verify(String purpose, String token, Instant now) {
        Check check = check(purpose, token, now);
        return check.valid() ? Optional.of(check.subject()) : Optional.empty();
    }

    /** Like {@link #verify}, but tells an expired token from a forged, garbled or foreign one. */
    public Check check(String purpose, String token, Instant now) {
        checkPurpose(purpose);
        Objects.requireNonNull(now, "now");
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return Check.INVALID;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Check.INVALID;
        }
        String body = token.substring(0, dot);
        byte[] given;
        byte[] payload;
        try {
            given = DECODER.decode(token.substring(dot + 1));
            payload = DECODER.decode(body);
        } catch (IllegalArgumentException e) {
            return Check.INVALID;
        }
        if (!MessageDigest.isEqual(mac(purpose, body), given)) { // constant time
            return Check.INVALID;
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(text.substring(0, Math.max(colon, 0))));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Check.INVALID; // signed by us, so never expected; refuse rather than guess
        }
        String subject = text.substring(colon + 1);
        return new Check(now.isBefore(expires) ? Verdict.VALID : Verdict.EXPIRED, subject, expires);
    }

    private byte[] mac(String purpose, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // not thread-safe: one per call
            mac.init(key);
            mac.update((VERSION + "\n" + purpose + "\n").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static void checkPurpose(String purpose) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("a link purpose is a short lower-case word, e.g. \"unsubscribe\"");
        }
    }
}
