package dev.wellplan.reminders;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A reminder the newest plan version asks for. {@code key} is deterministic (plan id, item id
 * and kind), so the same plan always asks for the same keys and a replay finds them in place.
 */
public record DesiredReminder(String key, UUID planId, String itemId, ReminderKind kind, Instant dueAt,
                              LocalDateTime localTime, ZoneId zone) {

    /** {@code subject} is the item id, or {@code plan} / {@code v<version>} for plan-wide reminders. */
    public static String key(UUID planId, String subject, ReminderKind kind) {
        return planId + ":" + subject + ":" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
