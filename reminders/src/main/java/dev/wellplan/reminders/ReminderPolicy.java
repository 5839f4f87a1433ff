package dev.wellplan.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.contract.PlanSnapshot;

/**
 * Which reminders a plan version asks for, and when: a pure function of the event, the one the
 * notifier schedules by, the planner's preview shows and the operator's consistency check holds the
 * ledger to. Each
 * instant is computed from the client's local date and time in their IANA zone with java.time,
 * so a plan that crosses a DST change keeps its wall-clock times; a local time that falls in a
 * DST gap moves forward by the gap, one in an overlap takes the earlier offset. A reminder
 * that would land in the client's quiet hours is moved earlier, to just before they begin.
 */
public final class ReminderPolicy {

    /** How long before a massage session its reminder goes out, unless configured otherwise. */
    public static final Duration DEFAULT_MASSAGE_LEAD = Duration.ofHours(24);
    /** How long before quiet hours begin a reminder that would fall in them goes out, unless configured otherwise. */
    public static final Duration DEFAULT_QUIET_HOURS_MARGIN = Duration.ofMinutes(15);

    private static final String AWAITING_CLEARANCE = "AWAITING_CLEARANCE";

    /**
     * AFT-2: why a session's +48 h check-in reminder was cancelled when its +24 h answer reported no soreness
     * (written as the reminder's {@code last_error}): a later version of the plan leaves it cancelled.
     */
    public static final String NO_FOLLOW_UP = "AFT-2: no soreness at +24 h";

    private final Duration massageLead;
    private final Duration quietMargin;

    public ReminderPolicy(Duration massageLead, Duration quietMargin) {
        this.massageLead = massageLead;
        this.quietMargin = quietMargin;
    }

    public static ReminderPolicy defaults() {
        return new ReminderPolicy(DEFAULT_MASSAGE_LEAD, DEFAULT_QUIET_HOURS_MARGIN);
    }

    public List<DesiredReminder> desired(PlanEvent event) {
        PlanSnapshot plan = event.plan();
        ZoneId zone = ZoneId.of(plan.timeZone());
        if (event.type() == PlanEventType.AccessLinkRequested) {
            // a request about the plan as it stands asks for its answer, and says nothing about the schedule
            return List.of(immediate(event, null, DesiredReminder.onRequest(event.eventId()), ReminderKind.ACCESS_LINK,
                    zone));
        }
        if (!event.type().newVersion()) {
            // any other event about the plan as it stands (a check-in) asks for no e-mail of its own
            return List.of();
        }
        List<DesiredReminder> out = new ArrayList<>();
        // Invariant 8: until its client confirms it, an enrollment asks for one e-mail, the request to confirm,
        // and an enrollment never confirmed asks for none.
        if (ReminderKind.PENDING_CONFIRMATION.equals(plan.status())) {
            out.add(immediate(event, null, DesiredReminder.ONCE_PER_PLAN, ReminderKind.CONFIRMATION_REQUEST, zone));
            return out;
        }
        if (ReminderKind.EXPIRED.equals(plan.status())) {
            return out;
        }
        out.add(immediate(event, null, DesiredReminder.ONCE_PER_PLAN, ReminderKind.WELCOME, zone));
        if ("CANCELLED".equals(plan.status())) {
            out.add(immediate(event, null, DesiredReminder.ONCE_PER_PLAN, ReminderKind.PLAN_CANCELLED, zone));
            return out;
        }
        // Any change after enrollment (an adjustment, clearance, pause, resume) tells the client, with the
        // updated calendar, unless the coach chose silent; cancellation has its own message above. Who coaches
        // the plan is the clinic's business: an assignment changes nothing the client sees.
        if (tellsTheClient(event)) {
            out.add(immediate(event, null, DesiredReminder.oncePerVersion(event.planVersion()),
                    ReminderKind.PLAN_CHANGED, zone));
        }
        if (AWAITING_CLEARANCE.equals(plan.status())) {
            seeADoctor(event, zone, out);
        }
        for (PlanSnapshot.Item item : plan.items()) {
            if (ReminderKind.ACTIVE.equals(plan.status()) && !item.held()) {
                // invariant 3: an item inside a coach's pause stays on the plan, and nobody is reminded of it
                forItem(plan, item, zone, out);
            }
        }
        return out;
    }

    /**
     * SAFE-1: the see-a-doctor notice, once per clearance episode: keyed by the version the plan entered
     * {@code AWAITING_CLEARANCE} at, so later versions of the episode find it in place and a red flag after a
     * clearance asks for a new one. A producer that does not say since when gets one per clearance item (and its
     * start), as before episodes were written.
     */
    private static void seeADoctor(PlanEvent event, ZoneId zone, List<DesiredReminder> out) {
        List<PlanSnapshot.Item> clearance = event.plan().items().stream()
                .filter(i -> "CLEARANCE".equals(i.kind())).toList();
        Long since = event.plan().awaitingClearanceSince();
        if (since != null) {
            String itemId = clearance.isEmpty() ? null : clearance.get(0).id();
            out.add(immediate(event, itemId, DesiredReminder.clearanceEpisode(since), ReminderKind.AWAITING_CLEARANCE,
                    zone));
            return;
        }
        for (PlanSnapshot.Item item : clearance) {
            out.add(immediate(event, item.id(), DesiredReminder.ofItem(item.id(), item.start()),
                    ReminderKind.AWAITING_CLEARANCE, zone));
        }
    }

    /**
     * The +48 h check-ins (AFT-3) of a massage session: the CHECK_IN items that follow it ({@code <session>-…}) and
     * are the second one, by rule or by id.
     */
    public static List<String> followUpsOf(PlanSnapshot plan, String sessionId) {
        if (sessionId == null) {
            return List.of();
        }
        return plan.items().stream().filter(i -> "CHECK_IN".equals(i.kind()) && i.id().startsWith(sessionId + "-"))
                .filter(i -> i.rules().contains("AFT-3") || i.id().endsWith("-48h")).map(PlanSnapshot.Item::id)
                .toList();
    }

    /**
     * The massage session a check-in item follows: the one its id starts with ({@code massage-1-checkin-24h}), or
     * else the last session that starts before it; null when there is none.
     */
    public static String sessionOf(PlanSnapshot plan, PlanSnapshot.Item checkIn) {
        PlanSnapshot.Item last = null;
        for (PlanSnapshot.Item i : plan.items()) {
            if (!"MASSAGE".equals(i.kind())) {
                continue;
            }
            if (checkIn.id().startsWith(i.id() + "-")) {
                return i.id();
            }
            if (i.start().isBefore(checkIn.start()) && (last == null || i.start().isAfter(last.start()))) {
                last = i;
            }
        }
        return last == null ? null : last.id();
    }

    private static boolean tellsTheClient(PlanEvent event) {
        return event.type() != PlanEventType.PlanCreated && event.type() != PlanEventType.PlanAssigned
                && !event.change().silent();
    }

    private void forItem(PlanSnapshot plan, PlanSnapshot.Item item, ZoneId zone, List<DesiredReminder> out) {
        switch (item.kind()) {
            case "MASSAGE" -> out.add(at(plan, item, ReminderKind.MASSAGE_DAY_BEFORE, item.start().minus(massageLead), zone));
            case "AFTERCARE" -> out.add(at(plan, item, ReminderKind.AFTERCARE, item.start(), zone));
            case "CHECK_IN" -> out.add(at(plan, item, ReminderKind.CHECK_IN, item.start(), zone));
            case "STRENGTH" -> out.add(at(plan, item, ReminderKind.STRENGTH_DAY, item.start(), zone));
            case "SELF_MASSAGE" -> out.add(at(plan, item, ReminderKind.SELF_MASSAGE, item.start(), zone));
            case "REVIEW" -> out.add(at(plan, item, ReminderKind.END_OF_PLAN, item.start(), zone));
            default -> {
                // a kind this notifier does not know yet: nothing to remind (additive contract)
            }
        }
    }

    private DesiredReminder at(PlanSnapshot plan, PlanSnapshot.Item item, ReminderKind kind, LocalDateTime local,
                               ZoneId zone) {
        LocalDateTime moved = outsideQuietHours(local, plan.quietHours());
        Instant due = ZonedDateTime.ofLocal(moved, zone, null).toInstant();
        return new DesiredReminder(DesiredReminder.key(plan.planId(), DesiredReminder.ofItem(item.id(), item.start()), kind),
                plan.planId(), item.id(), kind, due, moved, zone);
    }

    /** Reminders due the moment the change happened: welcome, see-a-doctor, changed, cancelled. */
    private static DesiredReminder immediate(PlanEvent event, String itemId, String subject, ReminderKind kind,
                                             ZoneId zone) {
        return new DesiredReminder(DesiredReminder.key(event.planId(), subject, kind), event.planId(), itemId, kind,
                event.occurredAt(), LocalDateTime.ofInstant(event.occurredAt(), zone), zone);
    }

    /** Moves a local time that falls inside quiet hours to {@code quietMargin} before they begin. */
    LocalDateTime outsideQuietHours(LocalDateTime local, PlanSnapshot.QuietHours quiet) {
        if (quiet == null || quiet.from() == null || quiet.to() == null || quiet.from().equals(quiet.to())) {
            return local;
        }
        LocalTime t = local.toLocalTime();
        boolean wraps = quiet.from().isAfter(quiet.to());
        boolean inside = wraps
                ? !t.isBefore(quiet.from()) || t.isBefore(quiet.to())
                : !t.isBefore(quiet.from()) && t.isBefore(quiet.to());
        if (!inside) {
            return local;
        }
        // The quiet window that holds t began today, or yesterday when it wraps and t is after midnight.
        LocalDateTime quietStart = wraps && t.isBefore(quiet.to())
                ? local.toLocalDate().minusDays(1).atTime(quiet.from())
                : local.toLocalDate().atTime(quiet.from());
        return quietStart.minus(quietMargin);
    }
}
