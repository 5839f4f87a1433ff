package dev.wellplan.notifier.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.wellplan.calendar.SignedLinks;
import dev.wellplan.support.links.LinkConfig;
import dev.wellplan.support.links.LinkTokens;

/** Plain JUnit: the links and the startup check, without starting the service. */
class ClientLinksTest {

    private static final String SECRET = "a-secret-for-this-test-only-0123456789";
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final SignedLinks signer = new SignedLinks(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private final ClientLinks links = new ClientLinks(mailConfig(), new LinkTokens(signer, linkConfig(Optional.of(SECRET))));

    @Test
    void every_link_carries_a_token_for_its_own_purpose_only() {
        UUID client = UUID.randomUUID();
        UUID plan = UUID.randomUUID();

        String unsubscribe = links.unsubscribeUrl(client, NOW);
        String preferences = links.preferencesUrl(client, NOW);
        ClientLinks.CalendarFeed feed = links.calendarFeed(plan, NOW);

        assertThat(unsubscribe).startsWith("https://mail.example.org/unsubscribe?token=");
        assertThat(preferences).startsWith("https://mail.example.org/preferences?token=");
        assertThat(feed.https()).startsWith("https://plans.example.org/api/plans/" + plan + "/calendar.ics?token=");
        assertThat(feed.webcal()).isEqualTo(feed.https().replace("https://", "webcal://"));
        assertThat(signer.verify("unsubscribe", token(unsubscribe), NOW)).contains(client.toString());
        assertThat(signer.verify("preferences", token(unsubscribe), NOW)).isEmpty();
        assertThat(signer.verify("calendar", token(feed.https()), NOW.plus(Duration.ofDays(399)))).contains(plan.toString());
        assertThat(signer.verify("unsubscribe", token(unsubscribe), NOW.plus(Duration.ofDays(60)))).isEmpty();
    }

    @Test
    void a_missing_or_short_secret_stops_the_service_with_a_message_that_says_what_to_set() {
        assertThatThrownBy(() -> SignedLinks.fromConfiguredSecret(Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WELLPLAN_LINKS_SECRET").hasMessageContaining("not set");
        assertThatThrownBy(() -> SignedLinks.fromConfiguredSecret(Optional.of("short")))
                .hasMessageContaining("was 5 bytes").hasMessageContaining("at least 32 bytes");
    }

    private static String token(String url) {
        return url.substring(url.indexOf("token=") + "token=".length());
    }

    private static LinkConfig linkConfig(Optional<String> secret) {
        return new LinkConfig() {
            @Override
            public Optional<String> secret() {
                return secret;
            }

            @Override
            public Duration lifetime() {
                return Duration.ofDays(60);
            }

            @Override
            public Duration calendarLifetime() {
                return Duration.ofDays(400);
            }

            @Override
            public Duration confirmLifetime() {
                return Duration.ofHours(48);
            }

            @Override
            public Map<String, String> keys() {
                return Map.of();
            }

            @Override
            public String signingKey() {
                return "default";
            }
        };
    }

    private static MailConfig mailConfig() {
        return new MailConfig() {
            @Override
            public String publicBaseUrl() {
                return "https://mail.example.org/";
            }

            @Override
            public String plannerBaseUrl() {
                return "https://plans.example.org";
            }

            @Override
            public String calendarOrganizer() {
                return "reminders@example.org";
            }
        };
    }
}
