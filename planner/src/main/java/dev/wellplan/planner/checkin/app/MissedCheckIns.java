package dev.wellplan.planner.checkin.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.wellplan.planner.alert.app.AlertKind;
import dev.wellplan.planner.alert.app.Alerts;
import dev.wellplan.planner.checkin.store.CheckInDao;
import dev.wellplan.planner.plan.store.PlanDocuments;
import dev.wellplan.rules.ItemKind;
import dev.wellplan.rules.Plan;
import dev.wellplan.rules.PlanItem;
import dev.wellplan.support.TransactionHandles;
import io.quarkus.scheduler.Scheduled;

/**
 * The watch on check-ins nobody answered: every few minutes, an active plan's check-in with no answer on its session
 * 12 hours after it was due raises an alert for the coach. The +24 h check-in of every session counts; the +48 h one
 * only when the +24 h answer reported soreness (AFT-3: after no answer at all, the +24 h alert says it already).
 * Raising the same alert twice changes nothing, so several planner instances may watch at once.
 */
@ApplicationScoped
public class MissedCheckIns {

    private static final Logger LOG = Logger.getLogger(MissedCheckIns.class);
    /** How long after a check-in was due its answer counts as missing. */
    public static final Duration LATE = Duration.ofHours(12);
    /** How far back the watch looks: a check-in due longer ago than this was watched before, or never will be. */
    static final Duration LOOK_BACK = Duration.ofDays(3);
    private static final int BATCH = 200;

    private final CheckInDao checkIns;
    private final PlanDocuments documents;
    private final Alerts alerts;
    private final Clock clock;

    public MissedCheckIns(TransactionHandles handles, PlanDocuments documents, Alerts alerts, Clock clock) {
        this.checkIns = handles.onDemand(CheckInDao.class);
        this.documents = documents;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** The subject of a missed check-in's alert: the check-in item, as the plan names it. */
    public static String subject(String sessionId, int hoursAfter) {
        return sessionId + "-checkin-" + hoursAfter + "h";
    }

    @Scheduled(every = "${wellplan.check-ins.missed-check:PT10M}", delayed = "PT1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        int raised = sweep();
        if (raised > 0) {
            LOG.infof("%d missed check-ins alerted", raised);
        }
    }

    /** One pass over the active plans whose check-ins may be missing; how many it found missing. */
    public int sweep() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int missing = 0;
        UUID after = new UUID(0, 0);
        List<CheckInDao.WatchedPlan> page;
        do {
            page = checkIns.activeBetween(today.minusDays(LOOK_BACK.toDays() + 1), today.plusDays(1), after, BATCH);
            for (CheckInDao.WatchedPlan plan : page) {
                missing += watch(plan, now);
                after = plan.id();
            }
        } while (page.size() == BATCH);
        return missing;
    }

    private int watch(CheckInDao.WatchedPlan row, Instant now) {
        Plan plan = documents.readPlan(row.body());
        ZoneId zone = ZoneId.of(row.timeZone());
        List<CheckInDao.Row> answers = null;
        int missing = 0;
        for (PlanItem session : plan.items()) {
            Optional<PlanItem> first = plan.item(subject(session.id(), 24));
            if (session.kind() != ItemKind.MASSAGE || session.held() || first.isEmpty() || first.get().held()
                    || !due(first.get().start(), zone, now)) {
                continue;
            }
            answers = answers == null ? checkIns.ofPlan(row.id()) : answers;
            List<CheckInDao.Row> onSession = answers.stream().filter(a -> session.id().equals(a.itemId())).toList();
            if (onSession.isEmpty()) {
                missing += raise(row.id(), subject(session.id(), 24));
            } else if (stillSore(onSession) && due(session.start().plusHours(48), zone, now)) {
                missing += raise(row.id(), subject(session.id(), 48));
            }
        }
        return missing;
    }

    /** The +24 h answer reported soreness, and no answer came 48 hours on. */
    private static boolean stillSore(List<CheckInDao.Row> onSession) {
        boolean answered48 = onSession.stream().anyMatch(a -> Integer.valueOf(48).equals(a.hoursAfter()));
        return !answered48 && onSession.get(onSession.size() - 1).soreness() > 0;
    }

    /** Due {@link #LATE} ago or more, but not longer ago than the watch looks back. */
    private static boolean due(LocalDateTime local, ZoneId zone, Instant now) {
        Instant due = ZonedDateTime.of(local, zone).toInstant();
        return !due.plus(LATE).isAfter(now) && due.isAfter(now.minus(LOOK_BACK));
    }

    private int raise(UUID planId, String subject) {
        alerts.raise(planId, AlertKind.MISSED_CHECK_IN, subject, null, null);
        return 1;
    }
}
