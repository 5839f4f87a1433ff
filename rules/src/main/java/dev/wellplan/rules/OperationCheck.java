package dev.wellplan.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one operation of an adjustment broke: refusals, and the rules it was allowed to set aside because it
 * listed them in its {@code override}.
 */
final class OperationCheck {
    private final int index;
    private final Operation operation;
    private final List<Adjustment.Refusal> refusals = new ArrayList<>();
    private final Set<Adjustment.OverrideUsed> used = new LinkedHashSet<>();

    OperationCheck(int index, Operation operation) {
        this.index = index;
        this.operation = operation;
    }

    /** A refusal no override lifts: the safety gate, the past, the plan's four weeks, or input that makes no sense. */
    void refuse(String itemId, String message, String... ruleIds) {
        refusals.add(new Adjustment.Refusal(index, itemId, Arrays.asList(ruleIds), message));
    }

    /**
     * A rule a coach may knowingly set aside ({@link Adjustments#OVERRIDABLE}): refused unless the operation lists
     * it in {@code override}, in which case it is recorded as used. Returns whether the operation may go on.
     */
    boolean breaks(String ruleId, String itemId, String message) {
        if (overrides(ruleId)) {
            used.add(new Adjustment.OverrideUsed(index, itemId, ruleId, message));
            return true;
        }
        refuse(itemId, message + " (list " + ruleId + " in override to set it aside)", ruleId);
        return false;
    }

    boolean overrides(String ruleId) {
        return Adjustments.OVERRIDABLE.contains(ruleId) && operation.override().contains(ruleId);
    }

    boolean ok() {
        return refusals.isEmpty();
    }

    List<Adjustment.Refusal> refusals() {
        return refusals;
    }

    List<Adjustment.OverrideUsed> used() {
        return List.copyOf(used);
    }
}
