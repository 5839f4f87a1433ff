package dev.wellplan.rules;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code changeSchedule}: the client's zone, quiet hours, massage time or exercise time changed. Every item from
 * now on is re-timed: sessions at the new massage time, workouts and light movement at the new exercise time,
 * everything else where it was; in a new zone local wall-clock times stay what the client chose (a time in a
 * spring-forward gap moves on by the gap, as {@link WallClock} does). {@link Settling} then checks all of it again.
 */
final class AdjustmentSchedule {

    private AdjustmentSchedule() {
    }

    static void change(Operation.ChangeSchedule s, AdjustmentDraft d, OperationCheck c) {
        if (s.timeZone() == null && s.quietHours() == null && s.massageTime() == null && s.exerciseTime() == null) {
            c.refuse(null, "changeSchedule names no zone, quiet hours or time to change");
            return;
        }
        QuietHours quiet = s.quietHours();
        if (quiet != null && (quiet.from() == null || quiet.to() == null || quiet.from().equals(quiet.to()))) {
            c.refuse(null, "quiet hours need a start and an end that differ");
            return;
        }
        d.assessment = withSchedule(d.assessment, s);
        if (s.timeZone() != null && !s.timeZone().equals(d.zone)) {
            // "now" is one instant: the same moment read in the new zone
            d.now = d.now.atZone(d.zone).withZoneSameInstant(s.timeZone()).toLocalDateTime();
            d.zone = s.timeZone();
        }
        WallClock clock = d.clock();
        for (PlanItem session : d.sessions()) {
            if (!d.past(session)) {
                LocalTime time = s.massageTime() != null ? s.massageTime() : session.start().toLocalTime();
                d.placeSession(session.withStart(clock.at(session.start().toLocalDate(), time)));
            }
        }
        for (PlanItem item : List.copyOf(d.items.values())) {
            if (d.past(item) || item.kind() == ItemKind.MASSAGE || ofFutureSession(item, d)) {
                continue;
            }
            boolean exercise = item.kind() == ItemKind.STRENGTH || item.kind() == ItemKind.LIGHT_MOVEMENT;
            LocalDateTime start = exercise && s.exerciseTime() != null
                    ? clock.at(item.start().toLocalDate(), s.exerciseTime())
                    : clock.valid(item.start());
            d.put(item.withStart(start));
        }
    }

    /** Items of a session not yet begun were re-derived with it; those of a past session stay with the rest. */
    private static boolean ofFutureSession(PlanItem item, AdjustmentDraft d) {
        String session = SessionItems.sessionOf(item.id());
        return session != null && d.item(session).filter(s -> !d.past(s)).isPresent();
    }

    private static Assessment withSchedule(Assessment a, Operation.ChangeSchedule s) {
        Client client = a.client();
        ZoneId zone = s.timeZone() != null ? s.timeZone() : client.timeZone();
        Preferences p = a.preferences();
        Preferences next = new Preferences(p.massageDays(), p.highStressDays(),
                s.massageTime() != null ? s.massageTime() : p.massageTime(),
                s.exerciseTime() != null ? s.exerciseTime() : p.exerciseTime(),
                p.exerciseDaysPerWeek(), p.pressure(), s.quietHours() != null ? s.quietHours() : p.quietHours());
        return new Assessment(new Client(client.name(), client.email(), zone), a.startDate(), a.pain(), a.redFlags(),
                next, a.equipment());
    }
}
