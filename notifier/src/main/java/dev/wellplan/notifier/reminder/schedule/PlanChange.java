package dev.wellplan.notifier.reminder.schedule;

import java.util.List;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanSnapshot;

/**
 * What one applied plan version changed: why ({@code cause}, the fixed {@code reason} phrase), the status and the
 * items before it (null before the first version this notifier applied) and at it.
 */
public record PlanChange(long version, PlanEvent.Cause cause, String reason, boolean silent, String statusBefore,
                         String statusAfter, List<PlanSnapshot.Item> before, List<PlanSnapshot.Item> after) {
}
