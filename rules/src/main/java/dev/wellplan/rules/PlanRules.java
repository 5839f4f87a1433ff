package dev.wellplan.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * The plan rules of rules.md as pure functions: no clock, no I/O. The safety gate (SAFE-1/2) runs
 * first in each of them. Bad input raises {@link InvalidInputException} naming every field.
 */
public final class PlanRules {

    private PlanRules() {
    }

    /** A new plan: AWAITING_CLEARANCE behind the safety gate, otherwise ACTIVE from the start date. */
    public static Plan createPlan(Assessment a) {
        requireValid(AssessmentRules.validate(a));
        return SafetyGate.needsClearance(a) ? AwaitingPlan.build(a) : ActivePlan.build(a, a.startDate(), false);
    }

    /**
     * SAFE-3: the plan becomes ACTIVE with massage from {@code clearedOn} on, never deep tissue under
     * SAFE-2. A plan that never ran starts its four weeks at the clearance date (or its start date, if
     * later); one paused mid-way by a check-in keeps its dates and its past.
     *
     * @throws IllegalStateException when the plan is not awaiting clearance
     */
    public static Plan clear(Plan current, Assessment a, LocalDate clearedOn) {
        return Clearance.clear(current, a, clearedOn);
    }

    /** AFT-2/3 and LIF-3: applies a check-in answer (or its absence). */
    public static CheckInOutcome checkIn(Plan current, CheckIn checkIn) {
        return CheckIns.apply(current, checkIn);
    }

    /**
     * LIF-3/SAFE-1: a red flag reported at {@code moment} (local, in the plan's zone), with or without a session to
     * check in on: an active or paused plan goes back behind the gate from then on; any other keeps its state, and
     * the coach is alerted all the same.
     */
    public static CheckInOutcome redFlagReported(Plan current, Set<RedFlag> redFlags, LocalDateTime moment) {
        return CheckIns.redFlag(current, redFlags, moment);
    }

    /**
     * AFT-3: soreness reported 48 hours or more after the session {@code sessionId}: the coach's flag and the lower
     * pressure proposed for the next session (none when the soreness is gone); the plan is unchanged.
     */
    public static CheckInOutcome soreAfter48Hours(Plan current, String sessionId, int soreness) {
        return CheckIns.soreAfter48Hours(current, sessionId, soreness);
    }

    /**
     * LIF-2: the plan's four weeks are over. It keeps its items, for the client's summary and the coach's review;
     * no reminder of them goes out any more.
     *
     * @throws IllegalStateException when the plan is not active or paused
     */
    public static Plan complete(Plan current) {
        return LifecycleItems.complete(current);
    }

    /** The field errors {@link #checkIn} would raise, for an API to answer 4xx. */
    public static List<Violation> validateCheckIn(Plan current, CheckIn checkIn) {
        return CheckIns.validate(current, checkIn);
    }

    /** SAFE-4: why a coach's edited plan must be refused; empty when the edit obeys the gate. */
    public static List<Violation> checkEdit(Plan current, Plan edited, Assessment a) {
        return EditRules.check(current, edited, a);
    }

    /**
     * A coach's operations on a plan (issue "Coaches adjust plans"), applied in order and together, or not at all.
     * {@code now} is the local date-time in the plan's zone: items that started before it never change. Safety
     * (SAFE-1/2/4), the past and the plan's four weeks (LIF-1) refuse for good; MAS-1, MAS-2, MAS-5 and MAS-6
     * refuse unless the operation lists them in its {@code override}. Bad input (a missing plan, assessment or
     * operation) raises {@link InvalidInputException}; everything an operation says wrong is a refusal.
     */
    public static Adjustment adjust(Plan current, Assessment assessment, List<Operation> operations,
                                    LocalDateTime now) {
        return Adjustments.adjust(current, assessment, operations, now);
    }

    /**
     * Each item whose content differs between two versions of a plan, as {@link Adjustment.Applied#changes()} lists
     * them (before null: added; after null: removed): what any change of a plan did, adjustment or not.
     */
    public static List<Adjustment.ItemChange> itemChanges(Plan before, Plan after) {
        return Adjustments.changes(before, after);
    }

    /** The strength exercises of the catalogue at their catalogue volume: what {@code swapExercise} may swap in. */
    public static List<Exercise> strengthExercises() {
        return StrengthCatalog.ids().stream().map(id -> StrengthCatalog.byId(id).orElseThrow()).toList();
    }

    /** The rule ids an operation may list in its {@code override}. */
    public static Set<String> overridableRules() {
        return Adjustments.OVERRIDABLE;
    }

    static void requireValid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
