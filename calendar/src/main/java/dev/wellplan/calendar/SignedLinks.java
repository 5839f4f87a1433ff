package dev.wellplan.calendar;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens for the links a client follows from an e-mail (their plan, the calendar feed, a check-in, the
 * confirmation of an enrollment, unsubscribe, preferences) without signing in. A token names a subject (a client
 * or plan id), when it was issued and when it expires, and the key it was signed with; it is signed with
 * HMAC-SHA256 over its purpose too, so a token made for one purpose never opens another: an unsubscribe link
 * cannot read a calendar.
 *
 * <p>Keys have ids, so the secret can be rotated without breaking links still valid: add a key, sign with it,
 * and drop the old one once the links it signed have expired. The issue time lets a service refuse links older
 * than a client's "sign out everywhere", and the verifier refuses a token whose lifetime is longer than the
 * purpose allows, so a token forged with a leaked key cannot be given ten years.
 *
 * <p>Format: {@code base64url(keyId ":" issuedEpochSecond ":" expiresEpochSecond ":" subject) "."
 * base64url(hmac)}, where the MAC covers a version tag, the purpose and the first part.
 */
public final class SignedLinks {

    /** The shortest secret accepted: as long as the HMAC-SHA256 output. */
    public static final int MIN_SECRET_BYTES = 32;
    /** How far ahead of the verifier's clock an issue time may be: the clocks of two services. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "wellplan-link-v2";
    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int MAX_TOKEN_CHARS = 1024;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a token turned out to be. {@code EXPIRED} is only said of a token whose signature holds. */
    public enum Verdict { VALID, EXPIRED, INVALID }

    /**
     * The outcome of {@link #check}; {@code subject}, {@code issued} and {@code expires} are set only when the
     * signature holds.
     */
    public record Check(Verdict verdict, String subject, Instant issued, Instant expires) {

        static final Check INVALID = new Check(Verdict.INVALID, null, null, null);

        public boolean valid() {
            return verdict == Verdict.VALID;
        }
    }

    private final Map<String, SecretKeySpec> keys;
    private final String signingKey;

    /**
     * @param keys       every key that verifies, by id
     * @param signingKey the id of the key new tokens are signed with
     * @throws IllegalArgumentException when a key is shorter than {@value #MIN_SECRET_BYTES} bytes, an id is not a
     *                                  short word, or the signing key is not among the keys
     */
    public SignedLinks(Map<String, byte[]> keys, String signingKey) {
        Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
        keys.forEach((id, secret) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a link key id is 1 to 32 letters, digits, '-' or '_': " + id);
            }
            if (secret == null || secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("link key '" + id + "' must be at least " + MIN_SECRET_BYTES
                        + " bytes, was " + (secret == null ? "missing" : secret.length + " bytes"));
            }
            specs.put(id, new SecretKeySpec(secret.clone(), ALGORITHM));
        });
        if (!specs.containsKey(signingKey)) {
            throw new IllegalArgumentException("the signing key '" + signingKey + "' is not among the link keys "
                    + specs.keySet());
        }
        this.keys = Map.copyOf(specs);
        this.signingKey = signingKey;
    }

    /** One key, with the id {@code default}. */
    public SignedLinks(byte[] secret) {
        this(Map.of("default", secret == null ? new byte[0] : secret), "default");
    }

    /**
     * The signer for the configured keys: {@code wellplan.links.secret} (the key {@code default}) and any
     * {@code wellplan.links.keys.<id>}, signing with {@code wellplan.links.signing-key}. The planner and the
     * notifier share them.
     *
     * @throws IllegalStateException with the fix in its message when no key is set, or one is too short
     */
    public static SignedLinks fromConfiguredKeys(Optional<String> secret, Map<String, String> more, String signingKey) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        secret.filter(s -> !s.isEmpty()).ifPresent(s -> keys.put("default", s.getBytes(StandardCharsets.UTF_8)));
        more.forEach((id, s) -> keys.put(id, s.getBytes(StandardCharsets.UTF_8)));
        if (keys.isEmpty()) {
            throw new IllegalStateException("wellplan.links.secret (env WELLPLAN_LINKS_SECRET) is not set: set it to a "
                    + "random value of at least " + MIN_SECRET_BYTES + " bytes, e.g. `openssl rand -base64 48`, the same "
                    + "on the planner and the notifier. It signs the links in client e-mails.");
        }
        try {
            return new SignedLinks(keys, signingKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("wellplan.links: " + e.getMessage() + " (keys of at least "
                    + MIN_SECRET_BYTES + " bytes, e.g. `openssl rand -base64 48`)", e);
        }
    }

    /** As {@link #fromConfiguredKeys} with the one key {@code wellplan.links.secret}. */
    public static SignedLinks fromConfiguredSecret(Optional<String> secret) {
        return fromConfiguredKeys(secret, Map.of(), "default");
    }

    /** A token for {@code subject}, good for {@code purpose} from {@code issued} until {@code expires}. */
    public String token(String purpose, String subject, Instant issued, Instant expires) {
        checkPurpose(purpose);
        Objects.requireNonNull(subject, "subject");
        String text = signingKey + ":" + issued.getEpochSecond() + ":" + expires.getEpochSecond() + ":" + subject;
        String body = ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(mac(keys.get(signingKey), purpose, body));
    }

    /** The subject of a token made for {@code purpose} that has not expired at {@code now}; empty otherwise. */
    public Optional<String> verify(String purpose, String token, Instant now) {
        Check check = check(purpose, token, now);
        return check.valid() ? Optional.of(check.subject()) : Optional.empty();
    }

    /** Like {@link #verify}, but tells an expired token from a forged, garbled or foreign one. */
    public Check check(String purpose, String token, Instant now) {
        return check(purpose, token, now, null);
    }

    /**
     * As {@link #check(String, String, Instant)}, and refuses as {@code INVALID} a token whose lifetime is longer
     * than {@code maxLifetime} (when not null) or that claims to be issued in the future.
     */
    public Check check(String purpose, String token, Instant now, Duration maxLifetime) {
        checkPurpose(purpose);
        Objects.requireNonNull(now, "now");
        Check check = read(purpose, token);
        if (check.verdict() == Verdict.INVALID) {
            return check;
        }
        boolean tooLong = maxLifetime != null
                && Duration.between(check.issued(), check.expires()).compareTo(maxLifetime) > 0;
        if (tooLong || check.issued().isAfter(now.plus(CLOCK_SKEW))) {
            return Check.INVALID;
        }
        Verdict verdict = now.isBefore(check.expires()) ? Verdict.VALID : Verdict.EXPIRED;
        return new Check(verdict, check.subject(), check.issued(), check.expires());
    }

    /** The token's fields if its signature holds (verdict VALID, expiry not yet judged), else INVALID. */
    private Check read(String purpose, String token) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return Check.INVALID;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Check.INVALID;
        }
        String body = token.substring(0, dot);
        String[] fields;
        byte[] given;
        try {
            given = DECODER.decode(token.substring(dot + 1));
            fields = new String(DECODER.decode(body), StandardCharsets.UTF_8).split(":", 4);
        } catch (IllegalArgumentException e) {
            return Check.INVALID;
        }
        SecretKeySpec key = fields.length == 4 ? keys.get(fields[0]) : null;
        if (key == null || !MessageDigest.isEqual(mac(key, purpose, body), given)) { // constant time
            return Check.INVALID;
        }
        try {
            return new Check(Verdict.VALID, fields[3], Instant.ofEpochSecond(Long.parseLong(fields[1])),
                    Instant.ofEpochSecond(Long.parseLong(fields[2])));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Check.INVALID; // signed by us, so never expected; refuse rather than guess
        }
    }

    private static byte[] mac(SecretKeySpec key, String purpose, String body) {
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
