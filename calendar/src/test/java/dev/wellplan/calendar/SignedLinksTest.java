package dev.wellplan.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SignedLinksTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(60));

    private final SignedLinks links = new SignedLinks(SECRET);
    private final String subject = UUID.randomUUID().toString();

    @Test
    void a_token_verifies_to_its_subject_until_it_expires() {
        String token = links.token("unsubscribe", subject, NOW, EXPIRES);

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(links.verify("unsubscribe", token, NOW)).contains(subject);
        assertThat(links.verify("unsubscribe", token, EXPIRES.minusSeconds(1))).contains(subject);
        assertThat(links.verify("unsubscribe", token, EXPIRES)).isEmpty();
        assertThat(links.check("unsubscribe", token, EXPIRES.plusSeconds(1)).verdict())
                .isEqualTo(SignedLinks.Verdict.EXPIRED);
    }

    @Test
    void a_token_opens_only_the_purpose_it_was_made_for() {
        String unsubscribe = links.token("unsubscribe", subject, NOW, EXPIRES);

        assertThat(links.verify("calendar", unsubscribe, NOW)).isEmpty();
        assertThat(links.check("calendar", unsubscribe, NOW).verdict()).isEqualTo(SignedLinks.Verdict.INVALID);
        assertThat(links.verify("calendar", links.token("calendar", subject, NOW, EXPIRES), NOW)).contains(subject);
    }

    @Test
    void a_tampered_or_foreign_token_fails() {
        String token = links.token("calendar", subject, NOW, EXPIRES);
        int dot = token.indexOf('.');
        String otherSubject = body("default", NOW, EXPIRES, UUID.randomUUID().toString());
        String longerLife = body("default", NOW, EXPIRES.plus(Duration.ofDays(3650)), subject);
        String otherKey = body("other", NOW, EXPIRES, subject);
        int inSignature = dot + 5; // not the last character, which may carry only padding bits
        String otherSignature = token.substring(0, inSignature) + (token.charAt(inSignature) == 'A' ? 'B' : 'A')
                + token.substring(inSignature + 1);

        assertThat(links.verify("calendar", otherSubject + token.substring(dot), NOW)).isEmpty();
        assertThat(links.verify("calendar", longerLife + token.substring(dot), NOW)).isEmpty();
        assertThat(links.verify("calendar", otherKey + token.substring(dot), NOW)).isEmpty();
        assertThat(links.verify("calendar", otherSignature, NOW)).isEmpty();
        assertThat(links.verify("calendar", token.substring(0, dot), NOW)).isEmpty();
        assertThat(links.verify("calendar", token + ".x", NOW)).isEmpty();
        assertThat(links.verify("calendar", "not a token", NOW)).isEmpty();
        assertThat(links.verify("calendar", "", NOW)).isEmpty();
        assertThat(links.verify("calendar", null, NOW)).isEmpty();
        assertThat(links.verify("calendar", "a".repeat(5000) + ".b", NOW)).isEmpty();
        SignedLinks other = new SignedLinks("another secret, also 32 bytes long!".getBytes(StandardCharsets.UTF_8));
        assertThat(other.verify("calendar", token, NOW)).isEmpty();
    }

    @Test
    void a_rotated_key_keeps_old_links_working_until_it_is_dropped() {
        byte[] old = SECRET;
        byte[] fresh = "a fresh secret of 32 bytes or more".getBytes(StandardCharsets.UTF_8);
        String signedWithOld = links.token("plan", subject, NOW, EXPIRES);
        SignedLinks rotated = new SignedLinks(Map.of("default", old, "2027-01", fresh), "2027-01");
        String signedWithNew = rotated.token("plan", subject, NOW, EXPIRES);
        SignedLinks oldDropped = new SignedLinks(Map.of("2027-01", fresh), "2027-01");

        assertThat(rotated.verify("plan", signedWithOld, NOW)).contains(subject);
        assertThat(rotated.verify("plan", signedWithNew, NOW)).contains(subject);
        assertThat(links.verify("plan", signedWithNew, NOW)).as("the old signer knows no new key").isEmpty();
        assertThat(oldDropped.verify("plan", signedWithOld, NOW)).isEmpty();
        assertThat(oldDropped.verify("plan", signedWithNew, NOW)).contains(subject);
    }

    @Test
    void a_token_longer_lived_than_its_purpose_allows_or_issued_in_the_future_is_refused() {
        String tenYears = links.token("calendar", subject, NOW, NOW.plus(Duration.ofDays(3650)));
        String future = links.token("calendar", subject, NOW.plus(Duration.ofHours(1)), EXPIRES);

        assertThat(links.check("calendar", tenYears, NOW, Duration.ofDays(400)).verdict())
                .isEqualTo(SignedLinks.Verdict.INVALID);
        assertThat(links.check("calendar", tenYears, NOW).valid()).as("without a cap it would open").isTrue();
        assertThat(links.check("calendar", future, NOW, Duration.ofDays(400)).verdict())
                .isEqualTo(SignedLinks.Verdict.INVALID);
        SignedLinks.Check fine = links.check("calendar", links.token("calendar", subject, NOW, EXPIRES), NOW,
                Duration.ofDays(60));
        assertThat(fine.valid()).isTrue();
        assertThat(fine.issued()).isEqualTo(NOW);
        assertThat(fine.expires()).isEqualTo(EXPIRES);
    }

    @Test
    void a_subject_with_separators_survives_the_round_trip() {
        String odd = "a:b.c/d?e=f&g";

        assertThat(links.verify("preferences", links.token("preferences", odd, NOW, EXPIRES), NOW)).contains(odd);
    }

    @Test
    void a_short_secret_or_a_strange_purpose_is_refused() {
        assertThatThrownBy(() -> new SignedLinks("too short".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new SignedLinks(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignedLinks(Map.of("a b", SECRET), "a b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignedLinks(Map.of("one", SECRET), "two"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two");
        assertThatThrownBy(() -> SignedLinks.fromConfiguredKeys(Optional.empty(), Map.of(), "default"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WELLPLAN_LINKS_SECRET");
        assertThatThrownBy(() -> links.token("Un subscribe\n", subject, NOW, EXPIRES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String body(String keyId, Instant issued, Instant expires, String subject) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((keyId + ":" + issued.getEpochSecond() + ":"
                + expires.getEpochSecond() + ":" + subject).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_secret_is_copied_so_a_later_change_to_the_array_does_not_matter() {
        byte[] secret = SECRET.clone();
        SignedLinks copy = new SignedLinks(secret);
        String token = copy.token("calendar", subject, NOW, EXPIRES);
        secret[0] ^= 1;

        assertThat(copy.verify("calendar", token, NOW)).contains(subject);
    }
}
