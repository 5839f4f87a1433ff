package dev.wellplan.notifier.reminder.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** One row of the reminder ledger. */
public record ReminderRow(String id, UUID planId, String itemId, String kind, Instant dueAt, LocalDateTime localTime,
                          String timeZone, long planVersion, String status, int attempts, Instant sentAt,
                          String messageId, String lastError) {
}
