package dev.wellplan.planner.plan.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.wellplan.rules.Operation;

/**
 * A coach's adjustment of a plan (issue "Coaches adjust plans"): why ({@code reason}, kept in the plan's history
 * and never sent to the client, as it may hold health details), whether the client is told, whether it is only a
 * preview, and the operations, applied in order, all or none.
 */
public record AdjustmentRequest(String reason, boolean notifyClient, boolean dryRun, List<Operation> operations) {

    public AdjustmentRequest {
        operations = operations == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(operations));
    }

    /** The same adjustment, stored rather than previewed (or the other way round). */
    public AdjustmentRequest withDryRun(boolean preview) {
        return new AdjustmentRequest(reason, notifyClient, preview, operations);
    }
}
