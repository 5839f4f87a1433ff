package dev.wellplan.reminders;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * A reminder the newest plan version asks for. {@code key} is deterministic (plan id, item id
 * and kind), so the same plan always asks for the same keys and a replay finds them in place.
 */
public record DesiredReminder(String key, UUID planId, String itemId, ReminderKind kind, Instant dueAt,
                              LocalDateTime localTime, ZoneId zone) {

    /** The subject of a notice the client gets once per plan: welcome, cancellation. */
    public static final String ONCE_PER_PLAN = "plan";

    /** The subject of a notice the client gets once per plan version: "your plan changed". */
    public static String oncePerVersion(long planVersion) {
        return "v" + planVersion;
    }

    private static final String REQUEST = "request-";

    /** The subject of a mail that answers one request of the client's, by the request's event id. */
    public static String onRequest(UUID requestId) {
        return REQUEST + requestId;
    }

    /** The request a subject of {@link #onRequest} names; empty for any other subject. */
    public static Optional<UUID> requestOf(String subject) {
        if (subject == null || !subject.startsWith(REQUEST)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(subject.substring(REQUEST.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code subject} is the item id, {@link #ONCE_PER_PLAN} or {@link #oncePerVersion} for plan-wide
     * reminders, {@link #onRequest} for the answer to a request.
     */
    public static String key(UUID planId, String subject, ReminderKind kind) {
        return planId + ":" + subject + ":" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
