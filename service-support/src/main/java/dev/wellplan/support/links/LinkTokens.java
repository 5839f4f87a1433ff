package dev.wellplan.support.links;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.wellplan.calendar.SignedLinks;

/**
 * The client links of both services, by purpose: each purpose has its lifetime, tokens are made with it, and a
 * token whose lifetime is longer than its purpose allows is refused, so even a leaked key cannot mint a link
 * that works for years.
 */
@ApplicationScoped
public class LinkTokens {

    /** The plan itself, read by its client (the plan page, GET /api/plans/{id}). */
    public static final String PLAN = "plan";
    /** The plan's calendar feed. */
    public static final String CALENDAR = "calendar";
    /** The one-button page that confirms an enrollment. */
    public static final String CONFIRM = "confirm";
    /** The client's check-in on a session. */
    public static final String CHECK_IN = "check-in";
    /** One-click unsubscribe (RFC 8058); its subject is a client, not a plan. */
    public static final String UNSUBSCRIBE = "unsubscribe";
    /** The e-mail preferences page; its subject is a client, not a plan. */
    public static final String PREFERENCES = "preferences";

    private final SignedLinks links;
    private final LinkConfig config;

    public LinkTokens(SignedLinks links, LinkConfig config) {
        this.links = links;
        this.config = config;
    }

    /** A token of {@code purpose} for {@code subject}, issued now, for the purpose's lifetime. */
    public String issue(String purpose, String subject, Instant now) {
        return links.token(purpose, subject, now, now.plus(lifetime(purpose)));
    }

    /** What a token of {@code purpose} says at {@code now}; one longer-lived than the purpose allows is invalid. */
    public SignedLinks.Check check(String purpose, String token, Instant now) {
        return links.check(purpose, token, now, lifetime(purpose));
    }

    public Duration lifetime(String purpose) {
        return switch (purpose) {
            case CALENDAR -> config.calendarLifetime();
            case CONFIRM -> config.confirmLifetime();
            default -> config.lifetime();
        };
    }
}
