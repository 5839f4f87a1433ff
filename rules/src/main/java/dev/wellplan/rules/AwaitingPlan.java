package dev.wellplan.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * SAFE-1/2: a plan behind the safety gate holds only the coach's clearance task and the end-of-plan
 * review. No massage is scheduled; exercise waits too, because red flags and nerve-root signs need a
 * doctor's look before the back is loaded. Clearance (SAFE-3) builds the active plan.
 */
final class AwaitingPlan {

    private AwaitingPlan() {
    }

    static Plan build(Assessment a) {
        LocalDate start = a.startDate();
        LocalDate end = start.plusDays(ActivePlan.LAST_DAY);
        WallClock clock = WallClock.of(a.client().timeZone(), start, end);
        List<PlanItem> items = List.of(
                LifecycleItems.clearance(clock.at(start, LifecycleItems.CLEARANCE_TIME), SafetyGate.reasons(a)),
                LifecycleItems.review(end, clock));
        return new Plan(PlanStatus.AWAITING_CLEARANCE, a.client().timeZone(), start, end, items,
                Guidance.awaiting(a.redFlags(), SafetyGate.discSigns(a.pain())), List.of(), SafetyGate.urgency(a));
    }
}
