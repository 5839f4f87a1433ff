package dev.wellplan.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What each operation does to the draft, with the refusals that belong to that operation alone. */
final class AdjustmentOperations {
    /** Shorter or longer than this is no session at all, whatever a coach overrides (MAS-2). */
    static final int MIN_SANE_MINUTES = 15;
    static final int MAX_SANE_MINUTES = 120;
    /** ACT-1: a client may choose 2-4 strength days a week; a coach adds up to that, not past it. */
    static final int MAX_STRENGTH_DAYS_A_WEEK = 4;
    static final String ADDED_STRENGTH_PREFIX = "strength-extra-";

    private AdjustmentOperations() {
    }

    static void apply(Operation op, AdjustmentDraft d, OperationCheck c) {
        if (op instanceof Operation.MoveItem m) {
            move(m, d, c);
        } else if (op instanceof Operation.ChangeMassage m) {
            changeMassage(m, d, c);
        } else if (op instanceof Operation.SwapExercise s) {
            swap(s, d, c);
        } else if (op instanceof Operation.ProgressExercise p) {
            step(p.exercise(), 1, d, c);
        } else if (op instanceof Operation.RegressExercise r) {
            step(r.exercise(), -1, d, c);
        } else if (op instanceof Operation.AddStrengthDay a) {
            addStrengthDay(a, d, c);
        } else if (op instanceof Operation.RemoveItem r) {
            remove(r, d, c);
        } else if (op instanceof Operation.Pause p) {
            pause(p, d, c);
        } else if (op instanceof Operation.Resume) {
            resume(d, c);
        } else if (op instanceof Operation.Cancel) {
            d.status = PlanStatus.CANCELLED;
        } else if (op instanceof Operation.ChangeSchedule s) {
            AdjustmentSchedule.change(s, d, c);
        }
    }

    private static void move(Operation.MoveItem m, AdjustmentDraft d, OperationCheck c) {
        Optional<PlanItem> found = changeable(m.itemId(), d, c);
        if (found.isEmpty()) {
            return;
        }
        PlanItem item = found.get();
        if (m.date() == null) {
            c.refuse(item.id(), "moveItem needs the date to move " + item.id() + " to");
            return;
        }
        switch (item.kind()) {
            case AFTERCARE, CHECK_IN, LIGHT_MOVEMENT -> {
                c.refuse(item.id(), item.id() + " follows its session: move " + SessionItems.sessionOf(item.id())
                        + " and it comes along", followRule(item.kind()));
                return;
            }
            case REVIEW -> {
                c.refuse(item.id(), "the review stays on the plan's last day", RuleIds.LIF_2);
                return;
            }
            case CLEARANCE -> {
                c.refuse(item.id(), "the clearance task waits for the coach; it is not a client's appointment",
                        RuleIds.SAFE_3);
                return;
            }
            default -> {
                // sessions, workouts and self-massage days move
            }
        }
        LocalTime time = m.time() != null ? m.time() : item.start().toLocalTime();
        LocalDateTime target = d.clock().at(m.date(), time);
        if (!inside(item.id(), target, d, c)) {
            return;
        }
        if (item.kind() == ItemKind.MASSAGE) {
            d.placeSession(item.withStart(target));
        } else {
            d.put(item.withStart(target));
        }
    }

    private static void changeMassage(Operation.ChangeMassage m, AdjustmentDraft d, OperationCheck c) {
        Optional<PlanItem> found = changeable(m.itemId(), d, c);
        if (found.isEmpty()) {
            return;
        }
        PlanItem session = found.get();
        if (session.kind() != ItemKind.MASSAGE) {
            c.refuse(session.id(), session.id() + " is not a massage session");
            return;
        }
        if (m.type() == null && m.pressure() == null && m.durationMinutes() == null) {
            c.refuse(session.id(), "changeMassage names no type, pressure or length to change");
            return;
        }
        Massage was = session.massage();
        MassageType type = m.type() != null ? m.type() : was.type();
        Pressure pressure = m.pressure() != null ? m.pressure() : was.pressure();
        int minutes = m.durationMinutes() != null ? m.durationMinutes() : session.durationMinutes();
        if (type == MassageType.DEEP_TISSUE && d.discSigns()) {
            c.refuse(session.id(), "deep tissue is refused for a suspected disc or pain radiating down the leg, even "
                    + "after clearance: it can inflame the nerve root", RuleIds.SAFE_2, RuleIds.SAFE_4);
        }
        if (minutes < MIN_SANE_MINUTES || minutes > MAX_SANE_MINUTES) {
            c.refuse(session.id(), "a session lasts " + MIN_SANE_MINUTES + " to " + MAX_SANE_MINUTES + " minutes, not "
                    + minutes, RuleIds.MAS_2);
        } else if (minutes > MassageRules.MAX_MINUTES) {
            c.breaks(RuleIds.MAS_2, session.id(), "a " + minutes + "-minute session is longer than the "
                    + MassageRules.MAX_MINUTES + " minutes of a short session");
        } else if (minutes < MassageRules.MIN_MINUTES) {
            c.breaks(RuleIds.MAS_2, session.id(), "a " + minutes + "-minute session is shorter than the "
                    + MassageRules.MIN_MINUTES + " minutes a session needs");
        }
        if (c.ok()) {
            Massage next = new Massage(type, pressure, was.bufferMinutes());
            d.placeSession(SessionItems.massage(session.id(), session.start(), next, minutes, session.rules())
                    .withHeld(session.held()));
        }
    }

    private static void swap(Operation.SwapExercise s, AdjustmentDraft d, OperationCheck c) {
        Optional<PlanItem> found = changeable(s.itemId(), d, c);
        if (found.isEmpty()) {
            return;
        }
        PlanItem workout = found.get();
        if (workout.kind() != ItemKind.STRENGTH) {
            c.refuse(workout.id(), workout.id() + " is not a strength workout");
            return;
        }
        Optional<Exercise> with = catalogued(s.with(), workout.id(), c);
        int at = indexOf(workout, s.exercise());
        if (at < 0) {
            c.refuse(workout.id(), workout.id() + " has no exercise " + s.exercise());
        }
        if (with.isEmpty() || at < 0) {
            return;
        }
        if (indexOf(workout, with.get().id()) >= 0) {
            c.refuse(workout.id(), workout.id() + " already has " + with.get().id(), RuleIds.ACT_2);
            return;
        }
        if (doable(with.get(), workout.id(), d, c)) {
            replace(workout, at, with.get(), d, c);
        }
    }

    /** ACT-2: every future occurrence one rung up ({@code direction} 1) or down (-1) its ladder. */
    private static void step(String exercise, int direction, AdjustmentDraft d, OperationCheck c) {
        if (catalogued(exercise, null, c).isEmpty()) {
            return;
        }
        List<PlanItem> workouts = d.of(ItemKind.STRENGTH).stream()
                .filter(w -> !d.past(w) && indexOf(w, exercise) >= 0).toList();
        if (workouts.isEmpty()) {
            c.refuse(null, "no workout from now on has " + exercise, RuleIds.ACT_2);
            return;
        }
        Optional<Exercise> next = StrengthCatalog.step(exercise, direction, d.assessment.equipment());
        if (next.isEmpty()) {
            c.refuse(null, exercise + " is the " + (direction > 0 ? "top" : "bottom") + " of its ladder: there is "
                    + "nothing " + (direction > 0 ? "harder to progress" : "easier to regress") + " to that the "
                    + "client's equipment allows", RuleIds.ACT_2);
            return;
        }
        for (PlanItem workout : workouts) {
            if (indexOf(workout, next.get().id()) >= 0) {
                c.refuse(workout.id(), workout.id() + " already has " + next.get().id() + ", the next step from "
                        + exercise, RuleIds.ACT_2);
            } else {
                replace(workout, indexOf(workout, exercise), next.get(), d, c);
            }
        }
    }

    private static void addStrengthDay(Operation.AddStrengthDay a, AdjustmentDraft d, OperationCheck c) {
        if (a.date() == null) {
            c.refuse(null, "addStrengthDay needs a date");
            return;
        }
        LocalDateTime at = d.clock().at(a.date(), d.assessment.preferences().exerciseTime());
        if (!inside(null, at, d, c)) {
            return;
        }
        Optional<PlanItem> already = d.sameDay(ItemKind.STRENGTH, a.date(), null);
        if (already.isPresent()) {
            c.refuse(already.get().id(), a.date() + " already holds the workout " + already.get().id(), RuleIds.ACT_1);
            return;
        }
        int week = d.week(a.date());
        List<PlanItem> sameWeek = d.of(ItemKind.STRENGTH).stream().filter(w -> d.week(w.start().toLocalDate()) == week)
                .toList();
        if (sameWeek.size() >= MAX_STRENGTH_DAYS_A_WEEK) {
            c.refuse(null, "week " + week + " already has " + sameWeek.size() + " strength days; at most "
                    + MAX_STRENGTH_DAYS_A_WEEK + " a week", RuleIds.ACT_1);
            return;
        }
        // The week's own workout, as the coach may already have progressed it; else the catalogue's.
        List<Exercise> exercises = sameWeek.isEmpty()
                ? StrengthCatalog.workout(week, StrengthCatalog.track(d.assessment.pain()), d.assessment.equipment())
                : sameWeek.get(0).exercises();
        List<String> rules = d.discSigns() ? List.of(RuleIds.ACT_1, RuleIds.ACT_2, RuleIds.SAFE_2)
                : List.of(RuleIds.ACT_1, RuleIds.ACT_2);
        d.added++;
        d.put(new PlanItem(ADDED_STRENGTH_PREFIX + d.added, ItemKind.STRENGTH, at, StrengthSchedule.MINUTES,
                StrengthSchedule.title(week), null, exercises, rules));
    }

    private static void remove(Operation.RemoveItem r, AdjustmentDraft d, OperationCheck c) {
        Optional<PlanItem> found = changeable(r.itemId(), d, c);
        if (found.isEmpty()) {
            return;
        }
        PlanItem item = found.get();
        switch (item.kind()) {
            case STRENGTH, SELF_MASSAGE -> d.items.remove(item.id());
            case MASSAGE -> {
                if (c.breaks(RuleIds.MAS_1, item.id(), "without " + item.id() + " the plan no longer has a session "
                        + "every two weeks")) {
                    d.removeSession(item.id());
                }
            }
            case CHECK_IN -> c.refuse(item.id(), item.id() + " re-asks the safety questions after a session; it goes "
                    + "only with its session", RuleIds.SAFE_1, followRule(item.kind()));
            case AFTERCARE, LIGHT_MOVEMENT -> c.refuse(item.id(), item.id() + " goes only with its session",
                    followRule(item.kind()));
            case REVIEW -> c.refuse(item.id(), "the end-of-plan review stays", RuleIds.LIF_2);
            case CLEARANCE -> c.refuse(item.id(), "only a recorded clearance ends the clearance task", RuleIds.SAFE_3);
        }
    }

    private static void pause(Operation.Pause p, AdjustmentDraft d, OperationCheck c) {
        if (p.from() == null) {
            c.refuse(null, "pause needs the first day to pause");
            return;
        }
        if (p.until() != null && p.until().isBefore(p.from())) {
            c.refuse(null, "the pause ends (" + p.until() + ") before it starts (" + p.from() + ")");
            return;
        }
        if (d.status == PlanStatus.PAUSED) {
            c.refuse(null, "the plan is already paused until a coach resumes it", RuleIds.LIF_3);
            return;
        }
        if (p.from().isBefore(d.now.toLocalDate())) {
            c.refuse(null, "a pause cannot start in the past (" + p.from() + ")", RuleIds.LIF_1);
        }
        if (p.from().isAfter(d.endDate()) || p.until() != null && p.until().isAfter(d.endDate())) {
            c.refuse(null, "the pause must lie within the plan's four weeks, " + d.startDate() + " to " + d.endDate(),
                    RuleIds.LIF_1);
        }
        if (c.ok()) {
            List<Hold> holds = new ArrayList<>(d.holds);
            holds.add(new Hold(p.from(), p.until()));
            d.holds = List.copyOf(holds);
            if (p.until() == null) {
                d.status = PlanStatus.PAUSED;
            }
        }
    }

    private static void resume(AdjustmentDraft d, OperationCheck c) {
        if (!d.pausedFromNowOn()) {
            c.refuse(null, "nothing is paused from now on", RuleIds.LIF_3);
            return;
        }
        d.holds = List.of();
        d.status = PlanStatus.ACTIVE;
    }

    /** The item, if the plan has it and it has not started yet; else refused. */
    static Optional<PlanItem> changeable(String itemId, AdjustmentDraft d, OperationCheck c) {
        Optional<PlanItem> item = d.item(itemId);
        if (item.isEmpty()) {
            c.refuse(itemId, "the plan has no item " + itemId);
        } else if (d.past(item.get())) {
            c.refuse(itemId, itemId + " started on " + item.get().start() + ", before now: the past stays as it was",
                    RuleIds.LIF_1);
            return Optional.empty();
        }
        return item;
    }

    /** LIF-1: a new start must be from now on and inside the plan's four weeks. */
    static boolean inside(String itemId, LocalDateTime start, AdjustmentDraft d, OperationCheck c) {
        if (start.isBefore(d.now)) {
            c.refuse(itemId, start + " is in the past", RuleIds.LIF_1);
            return false;
        }
        LocalDate day = start.toLocalDate();
        if (day.isBefore(d.startDate()) || day.isAfter(d.endDate())) {
            c.refuse(itemId, day + " is outside the plan's four weeks, " + d.startDate() + " to " + d.endDate(),
                    RuleIds.LIF_1);
            return false;
        }
        return true;
    }

    private static Optional<Exercise> catalogued(String id, String itemId, OperationCheck c) {
        Optional<Exercise> exercise = StrengthCatalog.byId(id);
        if (exercise.isEmpty()) {
            c.refuse(itemId, "\"" + id + "\" is no strength exercise of the catalogue", RuleIds.ACT_2);
        }
        return exercise;
    }

    private static boolean doable(Exercise exercise, String itemId, AdjustmentDraft d, OperationCheck c) {
        Optional<Equipment> missing = StrengthCatalog.missing(exercise.id(), d.assessment.equipment());
        missing.ifPresent(e -> c.refuse(itemId, exercise.id() + " needs a " + e.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ') + ", which the client does not have", RuleIds.ACT_2));
        return missing.isEmpty();
    }

    /** The exercise at {@code at} replaced by {@code with} at the same sets and reps; ACT-1 still covered. */
    private static void replace(PlanItem workout, int at, Exercise with, AdjustmentDraft d, OperationCheck c) {
        List<Exercise> exercises = new ArrayList<>(workout.exercises());
        Exercise was = exercises.get(at);
        exercises.set(at, with.withVolume(was.sets(), was.reps()));
        Set<Target> covered = EnumSet.noneOf(Target.class);
        exercises.forEach(e -> covered.addAll(e.targets()));
        if (!covered.containsAll(EnumSet.allOf(Target.class))) {
            c.refuse(workout.id(), "with " + with.id() + " instead of " + was.id() + ", " + workout.id()
                    + " would no longer work glutes, hamstrings and back muscles all three", RuleIds.ACT_1);
            return;
        }
        d.put(workout.withExercises(exercises));
    }

    private static int indexOf(PlanItem workout, String exerciseId) {
        for (int i = 0; i < workout.exercises().size(); i++) {
            if (workout.exercises().get(i).id().equals(exerciseId)) {
                return i;
            }
        }
        return -1;
    }

    private static String followRule(ItemKind kind) {
        return switch (kind) {
            case AFTERCARE -> RuleIds.AFT_1;
            case CHECK_IN -> RuleIds.AFT_2;
            default -> RuleIds.MAS_6;
        };
    }
}
