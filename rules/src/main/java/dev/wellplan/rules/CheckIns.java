package dev.wellplan.rules;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** AFT-2/3 and LIF-3: what a +24 h or +48 h check-in answer does to the plan. */
final class CheckIns {

    private CheckIns() {
    }

    static CheckInOutcome apply(Plan plan, CheckIn c) {
        PlanRules.requireValid(validate(plan, c));
        PlanItem session = plan.item(c.sessionId()).orElseThrow();
        if (c.answered() && !c.redFlags().isEmpty()) {
            return redFlag(plan, c, session);
        }
        Set<CoachFlag> flags = EnumSet.noneOf(CoachFlag.class);
        if (!c.answered()) {
            flags.add(CoachFlag.MISSED_CHECK_IN);
        }
        return c.hoursAfter() == 24 ? after24h(plan, c, session, flags) : after48h(plan, c, session, flags);
    }

    static List<Violation> validate(Plan plan, CheckIn c) {
        Violations v = new Violations();
        if (v.required("sessionId", c.sessionId())) {
            boolean isSession = plan.item(c.sessionId()).filter(i -> i.kind() == ItemKind.MASSAGE).isPresent();
            v.check(isSession, "sessionId", "names no massage session of this plan");
        }
        v.check(c.hoursAfter() == 24 || c.hoursAfter() == 48, "hoursAfter", "must be 24 or 48");
        boolean due48 = c.hoursAfter() != 48 || plan.item(c.sessionId() + "-checkin-48h").isPresent();
        v.check(due48, "hoursAfter", "no 48-hour check-in is due for this session (AFT-3)");
        v.range(c.soreness(), 0, 10, "soreness");
        v.range(c.pain(), 0, 10, "pain");
        v.requiredElements("redFlags", c.redFlags());
        return v.list();
    }

    /**
     * AFT-2/3: the +48 h check-in stays only when soreness was reported or no answer came; an answer without soreness
     * drops it. Every plan holds it from the start, so a plan made before it did gets it here when it is wanted.
     */
    private static CheckInOutcome after24h(Plan plan, CheckIn c, PlanItem session, Set<CoachFlag> flags) {
        boolean live = plan.status() == PlanStatus.ACTIVE || plan.status() == PlanStatus.PAUSED;
        boolean followUp = live && (!c.answered() || c.soreness() > 0);
        WallClock clock = WallClock.of(plan.timeZone(), plan.startDate(), plan.endDate());
        PlanItem due = SessionItems.checkIn(session, 48, clock);
        List<PlanItem> items = new ArrayList<>(plan.items());
        items.removeIf(i -> i.id().equals(due.id())); // the same answer twice leaves one, or none
        if (followUp) {
            // a check-in inside a paused stretch is held like the rest of it: no reminder goes out
            items.add(due.withHeld(plan.holds().stream().anyMatch(h -> h.covers(due.start().toLocalDate()))));
            items.sort(ActivePlan.ORDER);
        }
        Plan next = items.equals(plan.items()) ? plan : withItems(plan, plan.status(), items);
        return new CheckInOutcome(next, flags, null, null, followUp, Urgency.NONE);
    }

    /**
     * AFT-3 for an answer that arrives 48 hours or more after {@code sessionId}, whether or not the plan holds a
     * +48 h check-in item (the planner keeps check-ins beside the plan, not in it): soreness still there flags the
     * coach and proposes lower pressure for the next session; the plan itself is unchanged.
     */
    static CheckInOutcome soreAfter48Hours(Plan plan, String sessionId, int soreness) {
        Violations v = new Violations();
        if (v.required("sessionId", sessionId)) {
            boolean isSession = plan.item(sessionId).filter(i -> i.kind() == ItemKind.MASSAGE).isPresent();
            v.check(isSession, "sessionId", "names no massage session of this plan");
        }
        v.range(soreness, 0, 10, "soreness");
        PlanRules.requireValid(v.list());
        CheckIn answer = CheckIn.reply(sessionId, 48, soreness, 0, Set.of());
        return after48h(plan, answer, plan.item(sessionId).orElseThrow(), EnumSet.noneOf(CoachFlag.class));
    }

    /** AFT-3: soreness still there at +48 h: flag the coach and propose lower pressure for the next session. */
    private static CheckInOutcome after48h(Plan plan, CheckIn c, PlanItem session, Set<CoachFlag> flags) {
        if (!c.answered() || c.soreness() == 0) {
            return new CheckInOutcome(plan, flags, null, null, false, Urgency.NONE);
        }
        flags.add(CoachFlag.SORENESS_PAST_48H);
        String nextSession = plan.items().stream()
                .filter(i -> i.kind() == ItemKind.MASSAGE && i.start().isAfter(session.start()))
                .map(PlanItem::id).findFirst().orElse(null);
        return new CheckInOutcome(plan, flags, MassageRules.lower(session.massage().pressure()), nextSession,
                false, Urgency.NONE);
    }

    private static CheckInOutcome redFlag(Plan plan, CheckIn c, PlanItem session) {
        return redFlag(plan, c.redFlags(), session.start().plusHours(c.hoursAfter()));
    }

    /**
     * LIF-3/SAFE-1: every massage item and everything hanging off one goes at once, and the rest of the
     * plan waits for clearance from the {@code moment} the red flag was reported on; the past stays as it was.
     */
    static CheckInOutcome redFlag(Plan plan, Set<RedFlag> redFlags, LocalDateTime moment) {
        Violations v = new Violations();
        if (v.requiredElements("redFlags", redFlags)) {
            v.check(!redFlags.isEmpty(), "redFlags", "must name at least one red flag");
        }
        v.required("moment", moment);
        PlanRules.requireValid(v.list());
        Urgency urgency = SafetyGate.urgency(redFlags);
        Set<CoachFlag> flags = EnumSet.of(CoachFlag.RED_FLAG_REPORTED);
        boolean gate = plan.status() == PlanStatus.ACTIVE || plan.status() == PlanStatus.PAUSED;
        if (!gate) {
            return new CheckInOutcome(plan, flags, null, null, false, urgency);
        }
        List<PlanItem> items = new ArrayList<>();
        for (PlanItem item : plan.items()) {
            boolean ofSession = SessionItems.isOfAnySession(item.id());
            if (!ofSession && (item.start().isBefore(moment) || item.kind() == ItemKind.REVIEW)) {
                items.add(item);
            }
        }
        items.add(LifecycleItems.clearance(moment, List.of(RuleIds.SAFE_1, RuleIds.LIF_3, RuleIds.SAFE_3)));
        items.sort(ActivePlan.ORDER);
        Plan next = new Plan(PlanStatus.AWAITING_CLEARANCE, plan.timeZone(), plan.startDate(), plan.endDate(), items,
                Guidance.awaiting(redFlags, false), plan.unmetPreferences(), urgency, List.of(), plan.addedItems());
        return new CheckInOutcome(next, flags, null, null, false, urgency);
    }

    private static Plan withItems(Plan plan, PlanStatus status, List<PlanItem> items) {
        return new Plan(status, plan.timeZone(), plan.startDate(), plan.endDate(), items, plan.guidance(),
                plan.unmetPreferences(), plan.urgency(), plan.holds(), plan.addedItems());
    }
}
