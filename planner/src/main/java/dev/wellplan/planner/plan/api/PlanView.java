package dev.wellplan.planner.plan.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.wellplan.rules.Plan;
import dev.wellplan.rules.PlanItem;

/** A plan as the API shows it (product.md): the newest version, its items and why each is there. */
public record PlanView(UUID id, long version, String status, String timeZone, LocalDate startDate,
                       LocalDate endDate, String urgency, List<PlanItem> items, List<String> guidance,
                       List<String> unmetPreferences) {

    public static PlanView of(UUID id, long version, Plan plan) {
        return new PlanView(id, version, plan.status().name(), plan.timeZone().getId(), plan.startDate(),
                plan.endDate(), plan.urgency() == null ? null : plan.urgency().name(), plan.items(),
                plan.guidance(), plan.unmetPreferences());
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
