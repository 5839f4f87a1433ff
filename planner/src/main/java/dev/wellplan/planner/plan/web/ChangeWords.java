package dev.wellplan.planner.plan.web;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.wellplan.planner.plan.app.AdjustmentResult;
import dev.wellplan.planner.plan.app.ChangeEffects;
import dev.wellplan.rules.Adjustment;
import dev.wellplan.rules.Exercise;
import dev.wellplan.rules.PlanItem;
import io.quarkus.qute.TemplateData;

/** A preview in words: each item before and after, the reminders that would change, the calendar entries. */
@TemplateData
record ChangeWords(List<Line> items, List<Line> cancelled, List<Line> added, List<Line> moved, long sequence,
                   List<String> calendar, List<String> overrides) {

    /** One line: what (an item, a reminder) and how it changes. */
    @TemplateData
    record Line(String what, String how) {
    }

    static final Map<String, String> REMINDERS = Map.of(
            "MASSAGE_DAY_BEFORE", "Reminder the day before a session",
            "AFTERCARE", "Aftercare reminder",
            "CHECK_IN", "Check-in e-mail",
            "STRENGTH_DAY", "Workout reminder",
            "SELF_MASSAGE", "Self-massage reminder",
            "END_OF_PLAN", "End-of-plan summary",
            "PLAN_CHANGED", "\"Your plan changed\" e-mail, with the updated calendar",
            "PLAN_CANCELLED", "Cancellation e-mail, with the calendar's cancellation");

    static ChangeWords of(AdjustmentResult.Previewed preview) {
        ChangeEffects.Reminders reminders = preview.reminders();
        return new ChangeWords(preview.changes().stream().map(ChangeWords::item).toList(),
                reminders.cancelled().stream().map(r -> reminder(r, "was " + at(r.localTime()))).toList(),
                reminders.added().stream().map(r -> reminder(r, at(r.localTime()))).toList(),
                reminders.moved().stream().map(r -> reminder(r, at(r.wasLocalTime()) + " → " + at(r.localTime())))
                        .toList(),
                preview.calendar().sequence(),
                preview.calendar().events().stream().map(e -> e.itemId() + " (" + e.change().toLowerCase(Locale.ROOT)
                        + ")").toList(),
                preview.overrides().stream().map(o -> o.ruleId() + " set aside for " + o.itemId() + ": " + o.message())
                        .toList());
    }

    private static Line item(Adjustment.ItemChange change) {
        PlanItem shown = change.after() != null ? change.after() : change.before();
        String what = Words.kind(shown.kind()) + " " + change.itemId();
        if (change.before() == null) {
            return new Line(what, "added: " + at(change.after().start()));
        }
        if (change.after() == null) {
            return new Line(what, "removed (was " + at(change.before().start()) + ")");
        }
        List<String> how = new ArrayList<>();
        PlanItem was = change.before();
        PlanItem now = change.after();
        differs(how, "when", at(was.start()), at(now.start()));
        differs(how, "length", was.durationMinutes() + " minutes", now.durationMinutes() + " minutes");
        if (was.massage() != null && now.massage() != null) {
            differs(how, "type", lower(was.massage().type()), lower(now.massage().type()));
            differs(how, "pressure", lower(was.massage().pressure()), lower(now.massage().pressure()));
        }
        differs(how, "exercises", exercises(was), exercises(now));
        if (was.held() != now.held()) {
            how.add(now.held() ? "paused: no reminder" : "no longer paused");
        }
        return new Line(what, how.isEmpty() ? "details change" : String.join("; ", how));
    }

    private static Line reminder(ChangeEffects.ReminderChange r, String how) {
        String what = REMINDERS.getOrDefault(r.kind(), r.kind());
        return new Line(r.itemId() == null ? what : what + " (" + r.itemId() + ")", how);
    }

    private static void differs(List<String> how, String what, String was, String now) {
        if (!Objects.equals(was, now)) {
            how.add(what + ": " + was + " → " + now);
        }
    }

    private static String exercises(PlanItem item) {
        return item.exercises().stream().map(Exercise::name).collect(Collectors.joining(", "));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String at(LocalDateTime time) {
        return time == null ? "" : Timeline.DAY.format(time) + ", " + Timeline.TIME.format(time);
    }
}
