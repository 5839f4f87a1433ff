package dev.wellplan.rules;

import static dev.wellplan.rules.GeneratedAssessments.Weighted.weight;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Random coach operations on one plan, valid and not, with and without overrides: mostly on the plan's own items
 * and a day or two from where they are, as a coach moves things; sometimes anywhere, on an unknown item
 * ({@code massage-9}) or an exercise that is no strength exercise ({@code foam-roll-glutes}).
 */
public final class RandomOperations {
    static final List<String> OVERRIDES = List.of(RuleIds.MAS_1, RuleIds.MAS_2, RuleIds.MAS_5, RuleIds.MAS_6);
    private static final List<LocalTime> TIMES = List.of(LocalTime.of(0, 30), LocalTime.of(2, 30), LocalTime.of(7, 30),
            LocalTime.of(10, 0), LocalTime.of(12, 0), LocalTime.of(18, 0), LocalTime.of(19, 30), LocalTime.of(23, 30));

    private final GeneratedAssessments g;
    private final Plan plan;
    private final List<String> items = new ArrayList<>();
    private final List<String> sessions = new ArrayList<>();
    private final List<String> exercises = new ArrayList<>(StrengthCatalog.ids());
    private final List<String> used;
    private final Map<String, LocalDate> days = new HashMap<>();

    private RandomOperations(GeneratedAssessments g, Plan plan) {
        this.g = g;
        this.plan = plan;
        items.addAll(PlanQueries.ids(plan));
        items.add("massage-9");
        PlanQueries.ids(plan).stream().filter(id -> id.matches("massage-\\d")).forEach(sessions::add);
        if (sessions.isEmpty()) {
            sessions.add("massage-1");
        }
        exercises.add("foam-roll-glutes");
        used = plan.items().stream().flatMap(i -> i.exercises().stream()).map(Exercise::id).distinct().toList();
        plan.items().forEach(i -> days.put(i.id(), i.start().toLocalDate()));
    }

    /** One to four operations on {@code plan}, as one adjustment. */
    public static List<Operation> batch(GeneratedAssessments g, Plan plan) {
        RandomOperations draw = new RandomOperations(g, plan);
        int size = g.between(1, 4);
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ops.add(draw.next());
        }
        return ops;
    }

    private Operation next() {
        return g.oneOf(List.of(
                weight(2, () -> new Operation.MoveItem(item(), date(), g.orNull(0.5, this::time), override())),
                weight(5, () -> move(item())),
                weight(5, () -> move(g.pick(sessions))),
                weight(4, () -> new Operation.ChangeMassage(g.pick(sessions),
                        g.orNull(0.3, () -> g.pick(List.of(MassageType.values()))),
                        g.orNull(0.5, () -> g.pick(List.of(Pressure.values()))), g.orNull(0.5, () -> g.between(10, 130)),
                        override())),
                weight(3, () -> new Operation.SwapExercise(item(), exercise(), exercise(), override())),
                weight(2, () -> new Operation.ProgressExercise(exercise(), override())),
                weight(2, () -> new Operation.RegressExercise(exercise(), override())),
                weight(3, () -> new Operation.AddStrengthDay(date(), override())),
                weight(3, () -> new Operation.RemoveItem(item(), override())),
                weight(3, this::pause),
                weight(1, () -> new Operation.Resume(override())),
                weight(1, () -> new Operation.Cancel(override())),
                weight(3, () -> new Operation.ChangeSchedule(g.orNull(0.6, () -> g.pick(GeneratedAssessments.ZONES)),
                        g.orNull(0.7, () -> new QuietHours(time(), time())), g.orNull(0.5, this::time),
                        g.orNull(0.5, this::time), override()))));
    }

    /** A day or two from where the item is (a coach's nudge), at its time or another. */
    private Operation move(String id) {
        LocalDate day = days.getOrDefault(id, plan.startDate()).plusDays(g.between(-3, 3));
        return new Operation.MoveItem(id, day, g.orNull(0.6, this::time), override());
    }

    private Operation pause() {
        LocalDate from = date();
        Integer length = g.orNull(0.4, () -> g.between(-1, 10));
        return new Operation.Pause(from, length == null ? null : from.plusDays(length), override());
    }

    private String item() {
        return g.pick(items);
    }

    /** From two days before the plan to its last day. */
    private LocalDate date() {
        return plan.startDate().plusDays(g.between(-2, 29));
    }

    /** Half the time one of the day's usual or awkward times (DST gaps, quiet hours), else any minute. */
    private LocalTime time() {
        if (g.chance(0.5)) {
            return g.pick(TIMES);
        }
        int minute = g.between(0, 24 * 60 - 1);
        return LocalTime.of(minute / 60, minute % 60);
    }

    /** Mostly one the plan uses, sometimes any (an unused one, or one that is no strength exercise). */
    private String exercise() {
        return used.isEmpty() ? g.pick(exercises)
                : g.oneOf(List.of(weight(3, () -> g.pick(used)), weight(1, () -> g.pick(exercises))));
    }

    /** None five times in eleven, one to four overridable rules five times, a safety rule (never overridable) once. */
    private List<String> override() {
        return g.oneOf(List.of(weight(5, List::<String>of), weight(5, () -> g.someOf(OVERRIDES, 1, 4)),
                weight(1, () -> List.of(RuleIds.MAS_5, RuleIds.SAFE_2))));
    }
}
