package dev.wellplan.planner.plan.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.wellplan.planner.plan.app.PlanView;
import dev.wellplan.rules.Exercise;
import dev.wellplan.rules.ItemKind;
import dev.wellplan.rules.PlanItem;
import io.quarkus.qute.TemplateData;

/**
 * A plan as the pages show it: four weeks, each item with when (in the client's own zone, as the plan keeps it),
 * what to do, how long, and why (its rule ids in words). The client's plan page and the coach's plan page share it.
 */
@TemplateData
public record Timeline(String timeZone, String from, String to, List<Week> weeks, Entry next) {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    @TemplateData
    public record Week(int number, String dates, List<Entry> entries) {
    }

    /** One item: {@code kind} is the code (for the style), {@code what} the lines to read, {@code why} the rules in words. */
    @TemplateData
    public record Entry(String id, String kind, String label, String title, String when, String length,
                        List<String> what, List<ExerciseLine> exercises, List<String> why) {
    }

    @TemplateData
    public record ExerciseLine(String name, String dose, String cue, String targets) {
    }

    /** The plan's timeline; {@code now} is the present in the plan's zone, to name what comes next. */
    public static Timeline of(PlanView plan, LocalDateTime now) {
        List<Week> weeks = new ArrayList<>();
        for (int week = 1; week <= 4; week++) {
            LocalDate first = plan.startDate().plusWeeks(week - 1);
            LocalDate last = week == 4 ? plan.endDate() : first.plusDays(6);
            List<Entry> entries = plan.items().stream()
                    .filter(i -> !i.start().toLocalDate().isBefore(first) && !i.start().toLocalDate().isAfter(last))
                    .map(Timeline::entry).toList();
            weeks.add(new Week(week, SHORT_DAY.format(first) + " to " + SHORT_DAY.format(last), entries));
        }
        // items outside the four weeks (a clearance task before the start, the review after the end) come first or last
        List<Entry> before = plan.items().stream().filter(i -> i.start().toLocalDate().isBefore(plan.startDate()))
                .map(Timeline::entry).toList();
        List<Entry> after = plan.items().stream().filter(i -> i.start().toLocalDate().isAfter(plan.endDate()))
                .map(Timeline::entry).toList();
        if (!before.isEmpty()) {
            weeks.add(0, new Week(0, "Before your plan starts", before));
        }
        if (!after.isEmpty()) {
            weeks.add(new Week(5, "After your plan", after));
        }
        Entry next = plan.items().stream().filter(i -> !i.start().isBefore(now)).findFirst().map(Timeline::entry)
                .orElse(null);
        return new Timeline(plan.timeZone(), DAY.format(plan.startDate()), DAY.format(plan.endDate()), weeks, next);
    }

    private static Entry entry(PlanItem item) {
        List<String> what = new ArrayList<>();
        Optional.ofNullable(item.massage()).ifPresent(m -> {
            what.add(massageType(m.type().name()) + ", " + m.pressure().name().toLowerCase(Locale.ROOT) + " pressure.");
            if (m.bufferMinutes() > 0) {
                what.add("Keep " + duration(m.bufferMinutes()) + " free afterwards.");
            }
        });
        if (item.kind() == ItemKind.CLEARANCE) {
            what.add("See a doctor before any massage; your coach records the clearance.");
        }
        List<ExerciseLine> exercises = item.exercises().stream().map(Timeline::exercise).toList();
        List<String> why = item.rules().stream().map(Words::rule).distinct().toList();
        LocalDateTime start = item.start();
        String when = DAY.format(start) + ", " + TIME.format(start)
                + (item.durationMinutes() > 0 ? "–" + TIME.format(item.end()) : "");
        return new Entry(item.id(), item.kind().name(), Words.kind(item.kind()), item.title(), when,
                item.durationMinutes() > 0 ? duration(item.durationMinutes()) : null, what, exercises, why);
    }

    private static ExerciseLine exercise(Exercise e) {
        String dose = e.sets() > 0 ? e.sets() + " × " + e.reps() : null;
        String targets = e.targets().stream().map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', ' ')).sorted()
                .collect(Collectors.joining(", "));
        return new ExerciseLine(e.name(), dose, e.cue(), targets.isEmpty() ? null : targets);
    }

    private static String massageType(String type) {
        return type.equals("DEEP_TISSUE") ? "Deep tissue (slow, firm strokes)" : "Swedish (long, gliding strokes)";
    }

    static String duration(long minutes) {
        if (minutes % 60 != 0) {
            return minutes + " minutes";
        }
        return minutes == 60 ? "1 hour" : minutes / 60 + " hours";
    }
}
