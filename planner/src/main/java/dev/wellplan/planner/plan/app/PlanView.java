package dev.wellplan.planner.plan.app;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.wellplan.rules.Plan;
import dev.wellplan.rules.PlanItem;

/**
 * A plan as its readers see it (product.md): one version, its items and why each is there. The API sends it
 * as it is; its version is the ETag.
 */
public record PlanView(UUID id, long version, String status, String timeZone, LocalDate startDate,
                       LocalDate endDate, String urgency, String coachId, List<PlanItem> items,
                       List<String> guidance, List<String> unmetPreferences) {

    /**
     * {@code status}: the status the plan shows ({@code PENDING_CONFIRMATION} until its client confirms it);
     * {@code coachId}: the coach the plan is assigned to, null for the clinic's unassigned pool.
     */
    public static PlanView of(UUID id, long version, String status, String coachId, Plan plan) {
        return new PlanView(id, version, status, plan.timeZone().getId(), plan.startDate(),
                plan.endDate(), plan.urgency() == null ? null : plan.urgency().name(), coachId, plan.items(),
                plan.guidance(), plan.unmetPreferences());
    }
}
