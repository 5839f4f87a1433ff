package dev.wellplan.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** LIF-2 and SAFE-3: the end-of-plan review and the coach's clearance task. */
final class LifecycleItems {
    static final String REVIEW_ID = "review";
    static final String CLEARANCE_ID = "clearance";
    static final LocalTime REVIEW_TIME = LocalTime.of(18, 0);
    static final LocalTime CLEARANCE_TIME = LocalTime.of(9, 0);

    private LifecycleItems() {
    }

    /** LIF-2: on the last day, a summary and follow-up offer for the client, a review task for the coach. */
    static PlanItem review(LocalDate endDate, WallClock clock) {
        return new PlanItem(REVIEW_ID, ItemKind.REVIEW, clock.at(endDate, REVIEW_TIME), 15,
                "End of plan: your summary and a follow-up offer; coach review",
                null, List.of(), List.of(RuleIds.LIF_2, RuleIds.LIF_1));
    }

    /** LIF-2: an active or paused plan at its end, everything else as it was. */
    static Plan complete(Plan current) {
        if (current.status() != PlanStatus.ACTIVE && current.status() != PlanStatus.PAUSED) {
            throw new IllegalStateException("plan is " + current.status() + ", not active or paused");
        }
        return new Plan(PlanStatus.COMPLETED, current.timeZone(), current.startDate(), current.endDate(),
                current.items(), current.guidance(), current.unmetPreferences(), current.urgency(), current.holds(),
                current.addedItems());
    }

    /** SAFE-1/3: the coach records medical clearance before any massage is booked. */
    static PlanItem clearance(LocalDateTime at, List<String> rules) {
        return new PlanItem(CLEARANCE_ID, ItemKind.CLEARANCE, at, 15,
                "Coach: record medical clearance (who, when, note) before any massage",
                null, List.of(), rules);
    }
}
