package dev.wellplan.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds an ACTIVE four-week plan (LIF-1) once the safety gate is open. */
final class ActivePlan {
    /** LIF-1: four weeks are 28 days, so the last day is start + 27. */
    static final int LAST_DAY = 27;
    /** By start, then kind, then id: a total order, so equal inputs give equal plans. */
    static final Comparator<PlanItem> ORDER = (x, y) -> {
        int byStart = x.start().compareTo(y.start());
        if (byStart != 0) {
            return byStart;
        }
        int byKind = x.kind().compareTo(y.kind());
        return byKind != 0 ? byKind : x.id().compareTo(y.id());
    };

    private ActivePlan() {
    }

    /** {@code cleared}: a coach recorded medical clearance (SAFE-3), which the massage items then name. */
    static Plan build(Assessment a, LocalDate start, boolean cleared) {
        LocalDate end = start.plusDays(LAST_DAY);
        WallClock clock = WallClock.of(a.client().timeZone(), start, end);
        List<String> unmet = new ArrayList<>(1);
        SessionSchedule sessions = SessionSchedule.plan(a, start, cleared, clock, unmet);
        List<PlanItem> items = new ArrayList<>(48);
        items.addAll(sessions.items());

        PlanContext ctx = new PlanContext(start, clock, sessions.windows(), a.preferences(),
                sessions.noStrengthDays(), StrengthCatalog.track(a.pain()), a.equipment(), SafetyGate.discSigns(a.pain()));
        Set<LocalDate> busy = new HashSet<>(sessions.noStrengthDays());
        for (int week = 1; week <= 4; week++) {
            for (PlanItem workout : StrengthSchedule.week(week, ctx, unmet)) {
                items.add(workout);
                busy.add(workout.start().toLocalDate());
            }
        }
        List<PlanItem> selfMassage = SelfMassageSchedule.items(ctx, sessions.first(), sessions.second(), busy);
        items.addAll(selfMassage);
        items.add(LifecycleItems.review(end, clock));
        items.sort(ORDER);
        return new Plan(PlanStatus.ACTIVE, a.client().timeZone(), start, end, items,
                Guidance.active(!selfMassage.isEmpty(), ctx.discSigns()), unmet, Urgency.NONE);
    }
}
