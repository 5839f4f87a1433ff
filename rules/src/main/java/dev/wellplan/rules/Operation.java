package dev.wellplan.rules;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One change a coach asks of a plan (issue "Coaches adjust plans"), as the adjustments API takes it.
 * {@code override} lists the rule ids the coach knowingly sets aside for this operation; only the rules of
 * {@link PlanRules#overridableRules()} can be, never the safety gate. Nulls in optional fields mean "leave as it is".
 */
public sealed interface Operation {

    /** Rule ids this operation knowingly sets aside; never null. */
    List<String> override();

    /** A null list is none; a null in it is kept, so the adjustment refuses it as no rule id instead of failing. */
    private static List<String> none(List<String> override) {
        return override == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(override));
    }

    /** A session, workout or self-massage to another day or time ({@code time} null keeps its time of day). */
    record MoveItem(String itemId, LocalDate date, LocalTime time, List<String> override) implements Operation {
        public MoveItem {
            override = none(override);
        }

        public MoveItem(String itemId, LocalDate date, LocalTime time) {
            this(itemId, date, time, List.of());
        }
    }

    /** A session's type, pressure or length (MAS-2..4); each null stays as it is. */
    record ChangeMassage(String itemId, MassageType type, Pressure pressure, Integer durationMinutes,
                         List<String> override) implements Operation {
        public ChangeMassage {
            override = none(override);
        }

        public ChangeMassage(String itemId, MassageType type, Pressure pressure, Integer durationMinutes) {
            this(itemId, type, pressure, durationMinutes, List.of());
        }
    }

    /** In one workout, {@code exercise} replaced by {@code with} (catalogue ids), at the same sets and reps. */
    record SwapExercise(String itemId, String exercise, String with, List<String> override) implements Operation {
        public SwapExercise {
            override = none(override);
        }

        public SwapExercise(String itemId, String exercise, String with) {
            this(itemId, exercise, with, List.of());
        }
    }

    /** ACT-2: every future occurrence of {@code exercise} one step up its ladder. */
    record ProgressExercise(String exercise, List<String> override) implements Operation {
        public ProgressExercise {
            override = none(override);
        }

        public ProgressExercise(String exercise) {
            this(exercise, List.of());
        }
    }

    /** ACT-2: every future occurrence of {@code exercise} one step down its ladder. */
    record RegressExercise(String exercise, List<String> override) implements Operation {
        public RegressExercise {
            override = none(override);
        }

        public RegressExercise(String exercise) {
            this(exercise, List.of());
        }
    }

    /** ACT-1: one more strength workout on {@code date}, at the client's exercise time, with a fresh id. */
    record AddStrengthDay(LocalDate date, List<String> override) implements Operation {
        public AddStrengthDay {
            override = none(override);
        }

        public AddStrengthDay(LocalDate date) {
            this(date, List.of());
        }
    }

    /** A workout or self-massage off the plan; a session too, with what hangs off it, if MAS-1 is overridden. */
    record RemoveItem(String itemId, List<String> override) implements Operation {
        public RemoveItem {
            override = none(override);
        }

        public RemoveItem(String itemId) {
            this(itemId, List.of());
        }
    }

    /** Holds every item starting from {@code from} to {@code until} (both included); null until: to the end. */
    record Pause(LocalDate from, LocalDate until, List<String> override) implements Operation {
        public Pause {
            override = none(override);
        }

        public Pause(LocalDate from, LocalDate until) {
            this(from, until, List.of());
        }
    }

    /** Releases every hold from now on; the plan is ACTIVE again. */
    record Resume(List<String> override) implements Operation {
        public Resume {
            override = none(override);
        }

        public Resume() {
            this(List.of());
        }
    }

    /** The plan is CANCELLED: nothing on it changes after this, and no reminder goes out. */
    record Cancel(List<String> override) implements Operation {
        public Cancel {
            override = none(override);
        }

        public Cancel() {
            this(List.of());
        }
    }

    /**
     * The client's zone, quiet hours, massage time or exercise time changed: every future item is re-timed
     * (local wall-clock times stay what the client chose) and checked again. Each null stays as it is.
     */
    record ChangeSchedule(ZoneId timeZone, QuietHours quietHours, LocalTime massageTime, LocalTime exerciseTime,
                          List<String> override) implements Operation {
        public ChangeSchedule {
            override = none(override);
        }

        public ChangeSchedule(ZoneId timeZone, QuietHours quietHours, LocalTime massageTime, LocalTime exerciseTime) {
            this(timeZone, quietHours, massageTime, exerciseTime, List.of());
        }
    }
}
