package dev.wellplan.planner.plan.app;

import java.time.Instant;
import java.util.List;

import dev.wellplan.rules.Adjustment;
import dev.wellplan.rules.Operation;

/**
 * One version of a plan's history: who changed it, when, why, the status it left the plan in, whether the client
 * was told ({@code silent}; null for versions made before it was kept), the operations and overridden rules of an
 * adjustment (null for other changes), and each item that changed (empty for the first version).
 */
public record HistoryEntry(long version, String status, String event, String actor, String reason, Instant at,
                           Boolean silent, List<Operation> operations, List<Adjustment.OverrideUsed> overrides,
                           List<Adjustment.ItemChange> changes) {

    /**
     * What the plan's client may see of it (docs/access.md): the versions of their own plan and what each changed,
     * but not who in the clinic made it or the coach's notes, operations and overrides, which may hold health
     * details or the coach's reasoning.
     */
    public HistoryEntry forClient() {
        return new HistoryEntry(version, status, event, null, null, at, null, null, null, changes);
    }
}
