package dev.wellplan.planner.plan.app;

import java.util.List;

import dev.wellplan.rules.Adjustment;

/**
 * What an adjustment came to: applied and stored as the plan's next version, or previewed (nothing stored). Both
 * carry the plan as it is (or would be) after it, each item changed (before and after) and the rules set aside.
 */
public sealed interface AdjustmentResult {

    PlanView plan();

    List<Adjustment.ItemChange> changes();

    List<Adjustment.OverrideUsed> overrides();

    /**
     * Stored as version {@code plan.version()}; {@code replayed} when this is the answer an earlier request with the
     * same Idempotency-Key got, repeated.
     */
    record Applied(PlanView plan, List<Adjustment.ItemChange> changes, List<Adjustment.OverrideUsed> overrides,
                   boolean replayed) implements AdjustmentResult {

        Applied asReplay() {
            return new Applied(plan, changes, overrides, true);
        }
    }

    /**
     * Nothing stored: the plan as it would be, the reminders that would change (computed by the notifier's own
     * policy from the events the change would publish) and the calendar events a calendar would see change.
     */
    record Previewed(PlanView plan, List<Adjustment.ItemChange> changes, List<Adjustment.OverrideUsed> overrides,
                     ChangeEffects.Reminders reminders, ChangeEffects.Calendar calendar) implements AdjustmentResult {
    }
}
