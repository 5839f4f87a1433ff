package dev.wellplan.contract;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * Everything the notifier needs to derive a plan's reminders. Dates and times are local to
 * {@code timeZone} (an IANA id); kinds and statuses are strings so that a consumer can skip a
 * value it does not know instead of failing on it.
 */
public record PlanSnapshot(UUID planId, long version, String status, Client client, String timeZone,
                           LocalDate startDate, LocalDate endDate, QuietHours quietHours,
                           String urgency, List<Item> items) {

    public PlanSnapshot {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The person the reminders go to. */
    public record Client(UUID id, String name, String email) {
    }

    /** Local wall-clock window in which no reminder is sent; may wrap midnight. */
    public record QuietHours(LocalTime from, LocalTime to) {
    }

    /** One plan item; {@code id} is stable across versions of the plan. */
    public record Item(String id, String kind, java.time.LocalDateTime start, int durationMinutes, String title,
                       String massageType, String pressure, List<String> exercises, List<String> rules) {
        public Item {
            exercises = exercises == null ? List.of() : List.copyOf(exercises);
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }
}
