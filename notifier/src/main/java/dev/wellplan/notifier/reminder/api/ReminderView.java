package dev.wellplan.notifier.reminder.api;

import java.time.Instant;
import java.time.LocalDateTime;

import dev.wellplan.notifier.reminder.schedule.ReminderRow;

/** A reminder as the API shows it (product.md). */
public record ReminderView(String id, String itemId, String kind, Instant dueAt, LocalDateTime localTime,
                           String timeZone, String status, long planVersion, int attempts, Instant sentAt) {

    static ReminderView of(ReminderRow r) {
        return new ReminderView(r.id(), r.itemId(), r.kind(), r.dueAt(), r.localTime(), r.timeZone(), r.status(),
                r.planVersion(), r.attempts(), r.sentAt());
    }
}
