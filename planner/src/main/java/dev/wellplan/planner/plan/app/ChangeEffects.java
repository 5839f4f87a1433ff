package dev.wellplan.planner.plan.app;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import dev.wellplan.calendar.PlanCalendar;
import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.planner.plan.outbox.PlanEvents;
import dev.wellplan.reminders.DesiredReminder;
import dev.wellplan.reminders.ReminderPolicy;

/**
 * What a new plan version changes for the client, told before it is stored: the reminders, by the notifier's own
 * {@link ReminderPolicy} (configured from the same {@code wellplan.reminders} settings) over the events of the
 * current and the next version, and the calendar, by the calendar module's own rendering of both.
 *
 * <p>Reminders are compared by their keys, as the notifier's ledger keeps them. Only what is still ahead counts:
 * a reminder due before the change is sent or past its time, and no version changes that. A plan-wide notice with
 * the same key (the welcome) goes once per plan, so it is never "moved".
 */
@ApplicationScoped
public class ChangeEffects {

    /**
     * One reminder: its kind, the item it is for (null for a notice about the whole plan), when it goes out in the
     * client's zone and as an instant; for a moved one, also when it was to go out.
     */
    public record ReminderChange(String kind, String itemId, LocalDateTime localTime, Instant dueAt,
                                 LocalDateTime wasLocalTime, Instant wasDueAt) {
    }

    /** The reminders the next version cancels, adds and moves. */
    public record Reminders(List<ReminderChange> cancelled, List<ReminderChange> added, List<ReminderChange> moved) {
    }

    /** One calendar event the next version changes: {@code ADDED}, {@code CHANGED} or {@code REMOVED}. */
    public record CalendarEvent(String uid, String itemId, String change) {
    }

    /**
     * The calendar events a calendar holding the current version would see change; every event of the next version
     * carries SEQUENCE {@code sequence} (the version), so these are the ones whose content changes with it.
     */
    public record Calendar(long sequence, List<CalendarEvent> events) {
    }

    private final ReminderPolicy policy;

    public ChangeEffects(ReminderPolicy policy) {
        this.policy = policy;
    }

    /** The reminders that change from {@code before} (the version as it stands, made at {@code beforeAt}) to {@code after}. */
    public Reminders reminders(PlanSnapshot before, Instant beforeAt, PlanEvent after) {
        // the current version's own notices were due when it was made, so its event's type and silence do not matter
        PlanEvent current = PlanEvents.of(PlanEventType.PlanAdjusted, beforeAt, new PlanEvent.Change(null, null, true),
                before);
        Map<String, DesiredReminder> was = byKey(policy.desired(current));
        Map<String, DesiredReminder> will = byKey(policy.desired(after));
        Instant now = after.occurredAt();
        List<ReminderChange> cancelled = new ArrayList<>();
        List<ReminderChange> added = new ArrayList<>();
        List<ReminderChange> moved = new ArrayList<>();
        will.forEach((key, next) -> {
            DesiredReminder old = was.get(key);
            if (old == null) {
                if (ahead(next, now)) {
                    added.add(change(next, null));
                }
            } else if (!next.kind().planWide() && !sameTime(old, next) && (ahead(old, now) || ahead(next, now))) {
                moved.add(change(next, old));
            }
        });
        // a reminder's key names its item's start, so a moved item's reminder is a new key: shown as moved
        Map<String, DesiredReminder> gone = new LinkedHashMap<>();
        was.forEach((key, old) -> {
            if (!will.containsKey(key) && ahead(old, now)) {
                gone.put(key, old);
            }
        });
        List<ReminderChange> stillAdded = new ArrayList<>();
        for (ReminderChange add : added) {
            DesiredReminder old = add.itemId() == null ? null : gone.values().stream()
                    .filter(g -> add.itemId().equals(g.itemId()) && add.kind().equals(g.kind().name()))
                    .findFirst().orElse(null);
            if (old == null) {
                stillAdded.add(add);
            } else {
                gone.values().remove(old);
                moved.add(new ReminderChange(add.kind(), add.itemId(), add.localTime(), add.dueAt(), old.localTime(),
                        old.dueAt()));
            }
        }
        gone.values().forEach(old -> cancelled.add(change(old, null)));
        return new Reminders(cancelled, stillAdded, moved);
    }

    /** The calendar events whose content differs between the two versions, in the order the calendars list them. */
    public static Calendar calendar(PlanSnapshot before, PlanSnapshot after) {
        Map<String, String> was = PlanCalendar.eventsByUid(before);
        Map<String, String> will = PlanCalendar.eventsByUid(after);
        List<CalendarEvent> events = new ArrayList<>();
        will.forEach((uid, text) -> {
            if (!was.containsKey(uid)) {
                events.add(event(after, uid, "ADDED"));
            } else if (!was.get(uid).equals(text)) {
                events.add(event(after, uid, "CHANGED"));
            }
        });
        was.keySet().stream().filter(uid -> !will.containsKey(uid))
                .forEach(uid -> events.add(event(after, uid, "REMOVED")));
        return new Calendar(after.version(), events);
    }

    private static CalendarEvent event(PlanSnapshot plan, String uid, String change) {
        String prefix = PlanCalendar.uid(plan.planId(), "");
        String suffix = prefix.substring(prefix.indexOf('@'));
        String head = prefix.substring(0, prefix.indexOf('@'));
        String itemId = uid.startsWith(head) && uid.endsWith(suffix)
                ? uid.substring(head.length(), uid.length() - suffix.length()) : null;
        return new CalendarEvent(uid, itemId, change);
    }

    private static Map<String, DesiredReminder> byKey(List<DesiredReminder> reminders) {
        Map<String, DesiredReminder> byKey = new LinkedHashMap<>();
        reminders.forEach(r -> byKey.put(r.key(), r));
        return byKey;
    }

    private static boolean ahead(DesiredReminder reminder, Instant now) {
        return !reminder.dueAt().isBefore(now);
    }

    private static boolean sameTime(DesiredReminder a, DesiredReminder b) {
        return a.dueAt().equals(b.dueAt()) && Objects.equals(a.localTime(), b.localTime());
    }

    private static ReminderChange change(DesiredReminder now, DesiredReminder was) {
        return new ReminderChange(now.kind().name(), now.itemId(), now.localTime(), now.dueAt(),
                was == null ? null : was.localTime(), was == null ? null : was.dueAt());
    }
}
