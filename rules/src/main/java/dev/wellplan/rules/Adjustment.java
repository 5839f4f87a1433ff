package dev.wellplan.rules;

import java.util.List;

/**
 * What {@link PlanRules#adjust} answers: the operations applied, all of them, or refused, none of them.
 */
public sealed interface Adjustment {

    /**
     * Every operation applied. {@code assessment} is the one the next plan follows: the given one, or a new one
     * when {@code changeSchedule} changed the client's zone, quiet hours or times. {@code changes} lists each item
     * whose content changed (before null: added; after null: removed), {@code overrides} each rule a coach set
     * aside and where.
     */
    record Applied(Plan plan, Assessment assessment, List<ItemChange> changes, List<OverrideUsed> overrides)
            implements Adjustment {
        public Applied {
            changes = List.copyOf(changes);
            overrides = List.copyOf(overrides);
        }
    }

    /** Nothing applied; every reason at once, so a coach can fix them in one go. */
    record Refused(List<Refusal> refusals) implements Adjustment {
        public Refused {
            refusals = List.copyOf(refusals);
            if (refusals.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one reason");
            }
        }
    }

    /** One item before and after; {@code before} is null for an added item, {@code after} for a removed one. */
    record ItemChange(String itemId, PlanItem before, PlanItem after) {}

    /** A rule set aside by the operation at {@code operationIndex} (0-based) for {@code itemId}. */
    record OverrideUsed(int operationIndex, String itemId, String ruleId, String message) {}

    /**
     * Why an operation was refused: the rule ids it would break (empty for input that names nothing real, such as
     * an unknown item), the item concerned (or null), the operation's 0-based index, and plain words for the coach.
     */
    record Refusal(int operationIndex, String itemId, List<String> ruleIds, String message) {
        public Refusal {
            ruleIds = List.copyOf(ruleIds);
        }
    }
}
