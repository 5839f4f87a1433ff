package dev.wellplan.notifier.links;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.wellplan.calendar.SignedLinks;
import dev.wellplan.support.links.LinkTokens;

/**
 * The signed links a client follows from an e-mail without signing in. Each link carries a token
 * bound to its purpose, so an unsubscribe link opens nothing else; keys, purposes and lifetimes are the
 * shared {@link LinkTokens}.
 */
@ApplicationScoped
public class ClientLinks {

    public static final String UNSUBSCRIBE = LinkTokens.UNSUBSCRIBE;
    public static final String PREFERENCES = LinkTokens.PREFERENCES;
    /** The planner checks these: the purpose and subject (the plan id) must match its side. */
    public static final String CALENDAR = LinkTokens.CALENDAR;
    /** The planner checks these too: a check-in link opens the check-in form of its plan and nothing else. */
    public static final String CHECK_IN = LinkTokens.CHECK_IN;

    /** A calendar feed as a web link and as a {@code webcal:} link that calendar apps subscribe to. */
    public record CalendarFeed(String https, String webcal) {
    }

    private final MailConfig config;
    private final LinkTokens tokens;

    public ClientLinks(MailConfig config, LinkTokens tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    public String unsubscribeUrl(UUID client, Instant now) {
        return base(config.publicBaseUrl()) + "/unsubscribe?token=" + token(UNSUBSCRIBE, client, now);
    }

    public String preferencesUrl(UUID client, Instant now) {
        return base(config.publicBaseUrl()) + "/preferences?token=" + token(PREFERENCES, client, now);
    }

    public CalendarFeed calendarFeed(UUID planId, Instant now) {
        String token = tokens.issue(CALENDAR, planId.toString(), now);
        String https = base(config.plannerBaseUrl()) + "/api/plans/" + planId + "/calendar.ics?token=" + token;
        return new CalendarFeed(https, https.replaceFirst("^https?://", "webcal://"));
    }

    /** The one-button page on the planner that confirms an enrollment. */
    public String confirmUrl(UUID planId, Instant now) {
        return base(config.plannerBaseUrl()) + "/confirm?token=" + tokens.issue(LinkTokens.CONFIRM, planId.toString(), now);
    }

    /** The client's plan page on the planner ("my plan"), opened with a link of its own purpose. */
    public String planUrl(UUID planId, Instant now) {
        return base(config.plannerBaseUrl()) + "/plans/" + planId + "?token="
                + tokens.issue(LinkTokens.PLAN, planId.toString(), now);
    }

    /**
     * The planner's check-in form ({@code /check-in}), opened with a link of the check-in purpose for the plan, on the
     * session {@code sessionId} checked in on (preselected; null: the client picks).
     */
    public String checkInUrl(UUID planId, String sessionId, Instant now) {
        String url = base(config.plannerBaseUrl()) + "/check-in?token="
                + tokens.issue(LinkTokens.CHECK_IN, planId.toString(), now);
        return sessionId == null ? url : url + "&item=" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8);
    }

    /** A fresh preferences token, for the page an unsubscribe link leads to. */
    public String preferencesToken(UUID client, Instant now) {
        return token(PREFERENCES, client, now);
    }

    /** What a client's token for {@code purpose} says; the subject is a client id when valid. */
    public SignedLinks.Check check(String purpose, String token, Instant now) {
        return tokens.check(purpose, token, now);
    }

    /** The client a valid token names; empty for an invalid or expired one, or one whose subject is not an id. */
    public Optional<UUID> client(SignedLinks.Check check) {
        if (!check.valid()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(check.subject()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String token(String purpose, UUID client, Instant now) {
        return tokens.issue(purpose, client.toString(), now);
    }

    private static String base(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
