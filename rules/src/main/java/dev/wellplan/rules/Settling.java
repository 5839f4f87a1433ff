package dev.wellplan.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * After each operation: the workouts and self-massage days a changed session now collides with are re-placed
 * under their own ids (MAS-5, MAS-6, ACT-3), then everything the operation changed is checked against the plan
 * rules, and last the safety gate looks at the whole plan. Only what the operation changed is checked against
 * the rules a coach may override, so a rule set aside by an earlier adjustment does not block the next one.
 */
final class Settling {
    /** MAS-1: "every two weeks" in a client's calendar; a day or two either way keeps the cadence, more does not. */
    static final int CADENCE_DAYS = SessionSchedule.DAYS_APART;
    static final int CADENCE_TOLERANCE_DAYS = 2;

    private Settling() {
    }

    static void settle(AdjustmentDraft before, AdjustmentDraft d, OperationCheck c) {
        boolean datesMoved = false;
        for (PlanItem session : d.sessions()) {
            if (changed(before, session)) {
                reclaim(session, d, c);
                intruders(session, d, c);
                Optional<PlanItem> was = before.item(session.id());
                if (was.isEmpty() || !was.get().start().toLocalDate().equals(session.start().toLocalDate())) {
                    datesMoved = true;
                    highStress(session, d, c);
                }
            }
        }
        if (datesMoved) {
            cadence(d, c);
        }
        for (PlanItem item : List.copyOf(d.items.values())) {
            if (changed(before, item)) {
                checkChanged(item, before, d, c);
            }
        }
        d.applyHolds();
        safetyGate(d, c);
    }

    /** True when the operation placed, re-timed or altered the item; a pause alone changes nothing here. */
    private static boolean changed(AdjustmentDraft before, PlanItem item) {
        return before.item(item.id()).map(was -> !was.withHeld(false).equals(item.withHeld(false))).orElse(true);
    }

    /** MAS-5/MAS-6/ACT-3: a session that moved or grew takes its day back from the workouts and self-massage on it. */
    private static void reclaim(PlanItem session, AdjustmentDraft d, OperationCheck c) {
        for (PlanItem item : List.copyOf(d.items.values())) {
            String rule = collision(session, item, d);
            if (rule == null) {
                continue;
            }
            String message = item.id() + " on " + item.start() + " collides with " + session.id() + " on "
                    + session.start() + " (" + rule + ")";
            if (c.overrides(rule)) {
                c.breaks(rule, item.id(), message);
                continue;
            }
            Optional<LocalDateTime> slot = d.past(item) ? Optional.empty() : freeSlot(item, d);
            if (slot.isPresent()) {
                d.put(item.withStart(slot.get()));
            } else if (item.kind() == ItemKind.SELF_MASSAGE && !d.past(item)) {
                d.items.remove(item.id()); // ACT-3 is an extra between sessions: no free evening, no self-massage
            } else {
                c.breaks(rule, item.id(), message + ", and no other day " + (item.kind() == ItemKind.STRENGTH
                        ? "of week " + d.week(item.start().toLocalDate()) + " " : "") + "is free for it");
            }
        }
    }

    /** The rule a workout or self-massage day breaks next to this session, or null. */
    private static String collision(PlanItem session, PlanItem item, AdjustmentDraft d) {
        LocalDate day = item.start().toLocalDate();
        LocalDate sessionDay = session.start().toLocalDate();
        boolean inWindow = d.windowHit(item.start(), item.durationMinutes(), null)
                .filter(s -> s.id().equals(session.id())).isPresent();
        if (item.kind() == ItemKind.STRENGTH) {
            boolean afterDeep = session.massage().type() == MassageType.DEEP_TISSUE && sessionDay.plusDays(1).equals(day);
            return day.equals(sessionDay) || afterDeep ? RuleIds.MAS_6 : inWindow ? RuleIds.MAS_5 : null;
        }
        if (item.kind() == ItemKind.SELF_MASSAGE) {
            return day.equals(sessionDay) ? RuleIds.ACT_3 : inWindow ? RuleIds.MAS_5 : null;
        }
        return null;
    }

    /**
     * The nearest day (later first: a workout is postponed rather than brought forward) at the item's time of
     * day where it collides with nothing; a workout stays in its plan week, so each week keeps its count (ACT-1).
     */
    private static Optional<LocalDateTime> freeSlot(PlanItem item, AdjustmentDraft d) {
        LocalDate origin = item.start().toLocalDate();
        LocalTime time = item.start().toLocalTime();
        WallClock clock = d.clock();
        for (int distance = 1; distance <= ActivePlan.LAST_DAY; distance++) {
            for (int sign : new int[] {1, -1}) {
                LocalDate day = origin.plusDays((long) sign * distance);
                if (day.isBefore(d.startDate()) || day.isAfter(d.endDate())
                        || item.kind() == ItemKind.STRENGTH && d.week(day) != d.week(origin)) {
                    continue;
                }
                LocalDateTime at = clock.at(day, time);
                if (!at.isBefore(d.now) && fits(item, at, d)) {
                    return Optional.of(at);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Off the session days and the day after deep tissue (as the plan was built), clear of every window, one
     * workout a day; self-massage also keeps to rest days, as {@link SelfMassageSchedule} places it.
     */
    private static boolean fits(PlanItem item, LocalDateTime at, AdjustmentDraft d) {
        LocalDate day = at.toLocalDate();
        boolean restDay = item.kind() != ItemKind.SELF_MASSAGE
                || d.sameDay(ItemKind.SELF_MASSAGE, day, item.id()).isEmpty();
        return restDay && d.strengthBlockedBy(day).isEmpty()
                && d.windowHit(at, item.durationMinutes(), null).isEmpty()
                && d.sameDay(ItemKind.STRENGTH, day, item.id()).isEmpty();
    }

    /** MAS-5: nothing else of the plan inside a session's buffer; workouts and self-massage were re-placed. */
    private static void intruders(PlanItem session, AdjustmentDraft d, OperationCheck c) {
        LocalDateTime from = session.start();
        LocalDateTime to = session.end().plusMinutes(session.massage().bufferMinutes());
        for (PlanItem item : List.copyOf(d.items.values())) {
            boolean own = SessionItems.belongsTo(item.id(), session.id());
            boolean placed = item.kind() == ItemKind.STRENGTH || item.kind() == ItemKind.SELF_MASSAGE;
            if (!own && !placed && item.start().isBefore(to) && item.end().isAfter(from)) {
                c.breaks(RuleIds.MAS_5, item.id(), item.id() + " on " + item.start() + " sits inside the free time after "
                        + session.id() + " (until " + to.toLocalTime() + ")");
            }
        }
    }

    /** MAS-5: never on a day the client marked high-stress. */
    private static void highStress(PlanItem session, AdjustmentDraft d, OperationCheck c) {
        DayOfWeek day = session.start().getDayOfWeek();
        if (d.assessment.preferences().highStressDays().contains(day)) {
            c.breaks(RuleIds.MAS_5, session.id(), session.id() + " would fall on a " + MassageDays.name(day)
                    + ", a day the client marked high-stress");
        }
    }

    /** MAS-1: sessions every two weeks, not closer, not further apart. */
    private static void cadence(AdjustmentDraft d, OperationCheck c) {
        List<PlanItem> sessions = d.sessions();
        for (int i = 1; i < sessions.size(); i++) {
            long days = ChronoUnit.DAYS.between(sessions.get(i - 1).start().toLocalDate(),
                    sessions.get(i).start().toLocalDate());
            if (Math.abs(days - CADENCE_DAYS) > CADENCE_TOLERANCE_DAYS) {
                c.breaks(RuleIds.MAS_1, sessions.get(i).id(), sessions.get(i - 1).id() + " and " + sessions.get(i).id()
                        + " would be " + days + " days apart instead of about " + CADENCE_DAYS);
            }
        }
    }

    /** Whatever the operation placed or changed: from now on, inside the plan, and clear of the sessions. */
    private static void checkChanged(PlanItem item, AdjustmentDraft before, AdjustmentDraft d, OperationCheck c) {
        if (before.item(item.id()).filter(before::past).isPresent()) {
            c.refuse(item.id(), item.id() + " started before now: the past stays as it was", RuleIds.LIF_1);
            return;
        }
        if (!AdjustmentOperations.inside(item.id(), item.start(), d, c)) {
            return;
        }
        LocalDate day = item.start().toLocalDate();
        String own = SessionItems.sessionOf(item.id());
        if (item.kind() != ItemKind.MASSAGE) {
            d.windowHit(item.start(), item.durationMinutes(), own).ifPresent(s -> c.breaks(RuleIds.MAS_5, item.id(),
                    item.id() + " on " + item.start() + " collides with " + s.id() + " on " + s.start() + " ("
                            + RuleIds.MAS_5 + ")"));
        }
        if (item.kind() == ItemKind.STRENGTH) {
            d.strengthBlockedBy(day).ifPresent(s -> c.breaks(RuleIds.MAS_6, item.id(), item.id() + " on "
                    + item.start() + " collides with " + s.id() + " on " + s.start() + " (" + RuleIds.MAS_6 + ")"));
            d.sameDay(ItemKind.STRENGTH, day, item.id()).ifPresent(other -> c.refuse(item.id(),
                    day + " already holds the workout " + other.id() + "; one a day", RuleIds.ACT_1));
        }
        if (item.kind() == ItemKind.SELF_MASSAGE) {
            d.sessions().stream().filter(s -> s.start().toLocalDate().equals(day)).findFirst()
                    .ifPresent(s -> c.refuse(item.id(), "self-massage goes on days between professional sessions, not "
                            + "on the day of " + s.id(), RuleIds.ACT_3));
        }
    }

    /** SAFE-1/2/4, run on the whole plan last: what no operation and no override may leave behind. */
    private static void safetyGate(AdjustmentDraft d, OperationCheck c) {
        for (PlanItem session : d.sessions()) {
            if (d.status == PlanStatus.AWAITING_CLEARANCE) {
                c.refuse(session.id(), "no massage session while the plan awaits medical clearance",
                        RuleIds.SAFE_1, RuleIds.SAFE_4);
            }
            if (session.massage().type() == MassageType.DEEP_TISSUE && d.discSigns()) {
                c.refuse(session.id(), "deep tissue is refused for a suspected disc or pain radiating down the leg",
                        RuleIds.SAFE_2, RuleIds.SAFE_4);
            }
            if (session.held()) {
                c.refuse(session.id(), session.id() + " on " + session.start() + " falls inside a pause: move it out "
                        + "of the paused days or remove it, before the pause in the same adjustment",
                        RuleIds.SAFE_4, RuleIds.LIF_3);
            }
        }
    }
}
