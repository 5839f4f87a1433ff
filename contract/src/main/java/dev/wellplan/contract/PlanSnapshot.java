package dev.wellplan.contract;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Everything the notifier needs to derive a plan's reminders, and to know whose plan it is. Dates and
 * times are local to {@code timeZone} (an IANA id); kinds and statuses are strings so that a consumer
 * can skip a value it does not know instead of failing on it. {@code coachId} is the coach the plan is
 * assigned to (an account id, or an identity provider's subject; never an address), null for the
 * clinic's unassigned pool. {@code awaitingClearanceSince} is the plan version at which the plan last entered
 * {@code AWAITING_CLEARANCE}, the same in every later version in that status: one value per clearance episode, so a
 * consumer can tell a second red flag after a clearance from the first. Null (and not written) in any other status,
 * and absent from producers that predate it.
 */
public record PlanSnapshot(UUID planId, long version, String status, Client client, String timeZone,
                           LocalDate startDate, LocalDate endDate, QuietHours quietHours,
                           String urgency, String coachId,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Long awaitingClearanceSince,
                           List<Item> items) {

    /** A snapshot of a plan in the unassigned pool. */
    public PlanSnapshot(UUID planId, long version, String status, Client client, String timeZone,
                        LocalDate startDate, LocalDate endDate, QuietHours quietHours, String urgency,
                        List<Item> items) {
        this(planId, version, status, client, timeZone, startDate, endDate, quietHours, urgency, null, items);
    }

    /** A snapshot of a plan that is not awaiting clearance (or of a producer that does not say since when). */
    public PlanSnapshot(UUID planId, long version, String status, Client client, String timeZone,
                        LocalDate startDate, LocalDate endDate, QuietHours quietHours, String urgency,
                        String coachId, List<Item> items) {
        this(planId, version, status, client, timeZone, startDate, endDate, quietHours, urgency, coachId, null, items);
    }

    public PlanSnapshot {
        java.util.Objects.requireNonNull(planId, "plan.planId");
        java.util.Objects.requireNonNull(status, "plan.status");
        java.util.Objects.requireNonNull(client, "plan.client");
        java.util.Objects.requireNonNull(timeZone, "plan.timeZone");
        java.util.Objects.requireNonNull(startDate, "plan.startDate");
        java.util.Objects.requireNonNull(endDate, "plan.endDate");
        if (awaitingClearanceSince != null && (awaitingClearanceSince < 1 || awaitingClearanceSince > version)) {
            throw new IllegalArgumentException("plan.awaitingClearanceSince must be a version from 1 to plan.version");
        }
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The person the reminders go to. */
    public record Client(UUID id, String name, String email) {
        public Client {
            java.util.Objects.requireNonNull(email, "plan.client.email");
        }
    }

    /** Local wall-clock window in which no reminder is sent; may wrap midnight. */
    public record QuietHours(LocalTime from, LocalTime to) {
        public QuietHours {
            // The schema's times are HH:mm:ss: sub-second precision would not validate.
            from = from == null ? null : from.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            to = to == null ? null : to.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
    }

    /**
     * One plan item; {@code id} is stable across versions of the plan. {@code held} is true while a coach's pause
     * covers the item: it stays on the plan and no reminder goes out for it. Added after the first events: written
     * only when true, and a reader takes it absent as false.
     */
    public record Item(String id, String kind, java.time.LocalDateTime start, int durationMinutes, String title,
                       String massageType, String pressure, List<String> exercises, List<String> rules,
                       @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean held) {

        /** An item no pause holds. */
        public Item(String id, String kind, java.time.LocalDateTime start, int durationMinutes, String title,
                    String massageType, String pressure, List<String> exercises, List<String> rules) {
            this(id, kind, start, durationMinutes, title, massageType, pressure, exercises, rules, false);
        }

        public Item {
            java.util.Objects.requireNonNull(id, "item.id");
            java.util.Objects.requireNonNull(kind, "item.kind");
            java.util.Objects.requireNonNull(start, "item.start");
            start = start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            exercises = exercises == null ? List.of() : List.copyOf(exercises);
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }
}
