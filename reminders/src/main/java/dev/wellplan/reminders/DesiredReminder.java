package dev.wellplan.reminders;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * A reminder the newest plan version asks for. {@code key} is deterministic (plan id, subject and kind), so the same
 * plan always asks for the same keys and a replay finds them in place. An item's reminder names the item and its
 * local start ({@link #ofItem}): a session moved to another time is a new reminder, and the one sent for the old time
 * stays sent; the see-a-doctor notice names its clearance episode ({@link #clearanceEpisode}).
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
    private static final String AT = "@";
    private static final String EPISODE = "clearance-since-v";

    /**
     * The subject of an item's reminder: the item id and its local start ({@code massage-1@2026-12-10T11:00:00},
     * written as the contract writes local times), so moving the item asks for a new reminder, while a change that
     * leaves its start alone (a new time zone, quiet hours) moves the one there is.
     */
    public static String ofItem(String itemId, LocalDateTime start) {
        return itemId + AT + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(start);
    }

    /** Whether {@code subject} is one of {@link #ofItem} for this item, at any start. */
    public static boolean isOfItem(String subject, String itemId) {
        if (subject == null || itemId == null || !subject.startsWith(itemId + AT)) {
            return false;
        }
        try {
            LocalDateTime.parse(subject.substring(itemId.length() + AT.length()));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * The subject of the see-a-doctor notice of one clearance episode: the plan version at which the plan entered
     * {@code AWAITING_CLEARANCE} ({@code awaitingClearanceSince}), so a second red flag after a clearance is told
     * again, and later versions of one episode are not.
     */
    public static String clearanceEpisode(long since) {
        return EPISODE + since;
    }

    /** The episode a subject of {@link #clearanceEpisode} names; empty for any other subject. */
    public static Optional<Long> episodeOf(String subject) {
        if (subject == null || !subject.startsWith(EPISODE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(subject.substring(EPISODE.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

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
     * {@code subject} is {@link #ofItem} for an item's reminder, {@link #ONCE_PER_PLAN} or {@link #oncePerVersion}
     * for plan-wide reminders, {@link #clearanceEpisode} for the see-a-doctor notice, {@link #onRequest} for the
     * answer to a request.
     */
    public static String key(UUID planId, String subject, ReminderKind kind) {
        return planId + ":" + subject + ":" + suffix(kind);
    }

    /** The subject of a key of this plan and kind; empty when the key is not one of them. */
    public static Optional<String> subjectOf(String key, UUID planId, ReminderKind kind) {
        String start = planId + ":";
        String end = ":" + suffix(kind);
        if (key == null || !key.startsWith(start) || !key.endsWith(end) || key.length() <= start.length() + end.length()) {
            return Optional.empty();
        }
        return Optional.of(key.substring(start.length(), key.length() - end.length()));
    }

    private static String suffix(ReminderKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
