package dev.wellplan.planner.checkin.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


import dev.wellplan.planner.checkin.store.CheckInDao;
import dev.wellplan.planner.plan.app.PlanQueries;
import dev.wellplan.planner.plan.app.PlanView;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.rules.ItemKind;
import dev.wellplan.rules.PlanItem;
import dev.wellplan.support.TransactionHandles;

/** Reads a plan's check-ins: for its coach, and the client's summary at the end of the plan (LIF-2). */
@ApplicationScoped
public class CheckInQueries {

    /** One check-in: which session and how long after it (null for a report without one), the answers, who and when. */
    public record CheckIn(UUID id, String itemId, Integer hoursAfter, int soreness, int pain, List<String> redFlags,
                          String note, String recordedBy, Instant recordedAt) {
    }

    private final CheckInDao checkIns;
    private final PlanQueries queries;
    private final Clock clock;

    public CheckInQueries(TransactionHandles handles, PlanQueries queries, Clock clock) {
        this.checkIns = handles.onDemand(CheckInDao.class);
        this.queries = queries;
        this.clock = clock;
    }

    /** LIF-2: what the plan came to, up to now: sessions and workouts that took place, and the check-ins' trend. */
    public Summary summary(PlanView plan) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneId.of(plan.timeZone()));
        List<CheckInDao.Row> answers = checkIns.ofPlan(plan.id());
        int sessions = took(plan.items(), ItemKind.MASSAGE, now);
        int workouts = took(plan.items(), ItemKind.STRENGTH, now);
        if (answers.isEmpty()) {
            return new Summary(sessions, workouts, 0, null, null, null, null);
        }
        CheckInDao.Row first = answers.get(0);
        CheckInDao.Row last = answers.get(answers.size() - 1);
        return new Summary(sessions, workouts, answers.size(), first.soreness(), last.soreness(), first.pain(),
                last.pain());
    }

    /**
     * The plan's check-ins, oldest first, answers and notes included: health data, for the plan's coach.
     *
     * @throws Refusal.NotFound when there is no such plan
     */
    public List<CheckIn> of(UUID planId) {
        return of(queries.plan(planId));
    }

    /** The check-ins of a plan the caller has read already (its page), oldest first. */
    public List<CheckIn> of(PlanView plan) {
        return checkIns.ofPlan(plan.id()).stream().map(r -> new CheckIn(r.id(), r.itemId(), r.hoursAfter(),
                r.soreness(), r.pain(), r.redFlags(), r.note(), r.recordedBy(), r.recordedAt())).toList();
    }

    private static int took(List<PlanItem> items, ItemKind kind, LocalDateTime now) {
        return (int) items.stream().filter(i -> i.kind() == kind && !i.held() && i.start().isBefore(now)).count();
    }
}
