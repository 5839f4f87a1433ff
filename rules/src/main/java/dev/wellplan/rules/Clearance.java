package dev.wellplan.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** SAFE-3: recorded clearance makes the plan ACTIVE and schedules massage from the clearance date on. */
final class Clearance {

    private Clearance() {
    }

    static Plan clear(Plan current, Assessment a, LocalDate clearedOn) {
        if (current.status() != PlanStatus.AWAITING_CLEARANCE) {
            throw new IllegalStateException("plan is " + current.status() + ", not awaiting clearance");
        }
        PlanRules.requireValid(AssessmentRules.validate(a));
        boolean started = current.items().stream()
                .anyMatch(i -> i.kind() != ItemKind.CLEARANCE && i.kind() != ItemKind.REVIEW);
        if (!started) {
            // Nothing ran yet: the four weeks start at clearance, so the full cadence of MAS-1 fits.
            LocalDate start = clearedOn.isAfter(current.startDate()) ? clearedOn : current.startDate();
            return ActivePlan.build(a, start, true);
        }
        return resume(current, ActivePlan.build(a, current.startDate(), true), clearedOn.atStartOfDay());
    }

    /** Mid-plan (a check-in red flag, LIF-3): keep the past, take the rest of the fresh plan from the cut on. */
    private static Plan resume(Plan current, Plan fresh, LocalDateTime cut) {
        List<PlanItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (PlanItem item : current.items()) {
            if (item.kind() != ItemKind.CLEARANCE && item.start().isBefore(cut)) {
                items.add(item);
                ids.add(item.id());
            }
        }
        List<String> pastSessions = fresh.items().stream()
                .filter(i -> i.kind() == ItemKind.MASSAGE && i.start().isBefore(cut)).map(PlanItem::id).toList();
        for (PlanItem item : fresh.items()) {
            boolean ofPastSession = pastSessions.stream().anyMatch(s -> SessionItems.belongsTo(item.id(), s));
            if (!item.start().isBefore(cut) && !ofPastSession && ids.add(item.id())) {
                items.add(item);
            }
        }
        items.sort(ActivePlan.ORDER);
        // Ids added by coach adjustments stay retired: the count goes on from where it was.
        return new Plan(PlanStatus.ACTIVE, current.timeZone(), current.startDate(), current.endDate(), items,
                fresh.guidance(), fresh.unmetPreferences(), Urgency.NONE, List.of(), current.addedItems());
    }
}
