package dev.wellplan.notifier.reminder.mail;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.wellplan.calendar.PlanCalendar;
import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.reminder.schedule.PlanChange;

/**
 * The plain words of one plan change for the client (what set it off, what moved where, what changed, the reason),
 * and the calendar entries the plan as it stands no longer has. Aftercare, check-ins and the coach's tasks follow
 * their session and are not told one by one.
 */
final class ChangeStory {

    /** At most this many lines; the rest is counted. */
    static final int MAX_LINES = 8;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);
    private static final Set<String> TOLD = Set.of("MASSAGE", "STRENGTH", "SELF_MASSAGE", "LIGHT_MOVEMENT", "REVIEW");
    private static final String AWAITING = "AWAITING_CLEARANCE";

    private ChangeStory() {
    }

    /** The words of {@code change} (null when this notifier has no record of it: the coach's general words). */
    static MailView.ChangeLines of(PlanChange change) {
        if (change == null) {
            return new MailView.ChangeLines("Your coach updated your plan.", List.of(), null);
        }
        return new MailView.ChangeLines(intro(change), lines(change), change.reason());
    }

    private static String intro(PlanChange c) {
        boolean nowAwaiting = AWAITING.equals(c.statusAfter()) && !AWAITING.equals(c.statusBefore());
        if (c.cause() == PlanEvent.Cause.CHECK_IN || nowAwaiting && c.cause() != PlanEvent.Cause.COACH) {
            return "Because of what you reported at your check-in, your massage sessions are on hold until a doctor "
                    + "has seen you.";
        }
        if (c.cause() == PlanEvent.Cause.CLEARANCE) {
            return "Your medical clearance was recorded: your massage sessions are back on your plan.";
        }
        if (c.cause() == PlanEvent.Cause.CLIENT) {
            return "Your plan changed, as you asked.";
        }
        if (c.cause() == PlanEvent.Cause.SYSTEM) {
            return "Your plan changed.";
        }
        if ("PAUSED".equals(c.statusAfter()) && !"PAUSED".equals(c.statusBefore())) {
            return "Your coach paused your plan: no reminders until it resumes.";
        }
        if ("PAUSED".equals(c.statusBefore()) && "ACTIVE".equals(c.statusAfter())) {
            return "Your coach resumed your plan.";
        }
        return nowAwaiting ? "Your coach put your massage sessions on hold until a doctor has seen you."
                : "Your coach updated your plan.";
    }

    private static List<String> lines(PlanChange c) {
        if (c.before() == null) {
            return List.of();
        }
        Map<String, PlanSnapshot.Item> before = byId(c.before());
        Map<String, PlanSnapshot.Item> after = byId(c.after());
        List<String> out = new ArrayList<>();
        for (PlanSnapshot.Item now : c.after()) {
            PlanSnapshot.Item was = before.get(now.id());
            if (!TOLD.contains(now.kind())) {
                continue;
            }
            if (was == null) {
                out.add("New: " + lower(what(now)) + " on " + when(now.start()) + ".");
                continue;
            }
            if (!was.start().equals(now.start())) {
                out.add(what(was) + " moved from " + when(was.start()) + " to " + when(now.start()) + ".");
            }
            if (!Objects.equals(was.massageType(), now.massageType()) || !Objects.equals(was.pressure(), now.pressure())
                    || was.durationMinutes() != now.durationMinutes() && "MASSAGE".equals(now.kind())) {
                out.add(what(was) + " on " + when(now.start()) + " is now " + massage(now) + ".");
            }
            if (!was.exercises().equals(now.exercises())) {
                out.add(what(now) + " on " + when(now.start()) + " is now: " + String.join(", ", now.exercises()) + ".");
            }
            if (was.held() != now.held()) {
                out.add(what(now) + " on " + when(now.start()) + (now.held() ? " is on hold." : " is back on."));
            }
        }
        for (PlanSnapshot.Item was : c.before()) {
            if (TOLD.contains(was.kind()) && !after.containsKey(was.id())) {
                out.add(what(was) + " on " + when(was.start()) + " is off your plan.");
            }
        }
        if (out.size() > MAX_LINES) {
            int more = out.size() - (MAX_LINES - 1);
            List<String> shown = new ArrayList<>(out.subList(0, MAX_LINES - 1));
            shown.add("And " + more + " more changes: your calendar shows them all.");
            return shown;
        }
        return out;
    }

    /**
     * The calendar entries to withdraw: every item an earlier version listed that the plan as it stands has not (its
     * last known form), and the items of the plan that cannot go ahead as listed ({@link PlanCalendar#goesAhead}).
     */
    static List<PlanSnapshot.Item> withdrawn(PlanSnapshot plan, List<PlanChange> changes) {
        Set<String> current = plan.items().stream().map(PlanSnapshot.Item::id).collect(Collectors.toSet());
        Map<String, PlanSnapshot.Item> gone = new LinkedHashMap<>();
        for (PlanChange change : changes) {
            if (change.before() != null) {
                change.before().forEach(i -> gone.put(i.id(), i));
            }
            change.after().forEach(i -> gone.put(i.id(), i));
        }
        current.forEach(gone::remove);
        List<PlanSnapshot.Item> out = new ArrayList<>(gone.values());
        plan.items().stream().filter(i -> !PlanCalendar.goesAhead(plan, i)).forEach(out::add);
        return out;
    }

    private static Map<String, PlanSnapshot.Item> byId(List<PlanSnapshot.Item> items) {
        return items.stream().collect(Collectors.toMap(PlanSnapshot.Item::id, Function.identity(), (a, b) -> a));
    }

    private static String what(PlanSnapshot.Item item) {
        return switch (item.kind()) {
            case "MASSAGE" -> "DEEP_TISSUE".equals(item.massageType()) ? "Your deep-tissue massage" : "Your Swedish massage";
            case "STRENGTH" -> "Your strength workout";
            case "SELF_MASSAGE" -> "Your self-massage";
            case "LIGHT_MOVEMENT" -> "Your light-movement day";
            default -> "Your end-of-plan review";
        };
    }

    private static String massage(PlanSnapshot.Item item) {
        String type = "DEEP_TISSUE".equals(item.massageType()) ? "deep-tissue" : "Swedish";
        String pressure = item.pressure() == null ? "" : ", " + item.pressure().toLowerCase(Locale.ROOT) + " pressure";
        return "a " + item.durationMinutes() + "-minute " + type + " massage" + pressure;
    }

    private static String when(LocalDateTime start) {
        return start.format(WHEN);
    }

    private static String lower(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
