package dev.wellplan.notifier.reminder.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.reminder.schedule.ReminderRow;

/**
 * Reminders claimed together, in due order, with the applied snapshots of their plans.
 *
 * @param full as many as a batch holds, so more may be due right away
 */
record ClaimedBatch(Instant claimedAt, List<ReminderRow> reminders, Map<UUID, PlanSnapshot> plans, boolean full) {

    /** One plan's reminders in due order; {@code plan} is null when the notifier has no applied state of it. */
    record PlanReminders(PlanSnapshot plan, List<ReminderRow> reminders) {
    }

    boolean isEmpty() {
        return reminders.isEmpty();
    }

    /** Each plan's reminders, the plans in the order of their first due reminder. */
    List<PlanReminders> byPlan() {
        Map<UUID, List<ReminderRow>> byPlan = new LinkedHashMap<>();
        for (ReminderRow reminder : reminders) {
            byPlan.computeIfAbsent(reminder.planId(), id -> new ArrayList<>()).add(reminder);
        }
        return byPlan.entrySet().stream().map(e -> new PlanReminders(plans.get(e.getKey()), e.getValue())).toList();
    }

    /** The plans of this batch that have an applied state: their clients' preferences and addresses govern it. */
    List<PlanSnapshot> appliedPlans() {
        return reminders.stream().map(ReminderRow::planId).distinct().map(plans::get).filter(Objects::nonNull)
                .toList();
    }
}
