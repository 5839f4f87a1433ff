package dev.wellplan.notifier.reminder.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.reminders.DesiredReminder;
import dev.wellplan.reminders.ReminderKind;
import dev.wellplan.reminders.ReminderPolicy;

/**
 * Makes the reminder ledger equal to what the newest plan version asks for. An event already
 * processed, or older than the version already applied, changes nothing; a newer one cancels
 * what is no longer wanted, adds what is new, moves what moved and leaves what is the same.
 * The processed mark and the ledger changes commit in one transaction.
 *
 * <p>An event costs a handful of statements whatever the size of the plan: the processed mark
 * goes first (its key makes a duplicate, even a concurrent one, find out at once), then the
 * plan's version lock, its ledger in one read, and the new, moved and cancelled reminders each
 * in one statement, and the plan's change log ({@link PlanChanges}). All of them run on one JDBI handle, on the
 * transaction's connection.
 *
 * <p>What the plan asks for ({@code ReminderPolicy.desired}) comes with the event: the consumer computes it once,
 * before this transaction, because an event it cannot plan is poison to reject, not a fault to retry.
 */
@ApplicationScoped
public class ReminderSchedule {

    private static final Logger LOG = Logger.getLogger(ReminderSchedule.class);

    public enum Outcome { APPLIED, DUPLICATE, STALE }

    private final Jdbi jdbi;
    private final Clock clock;

    public ReminderSchedule(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Applies {@code event}, whose plan asks for the reminders {@code desired}. */
    @Transactional
    public Outcome reconcile(PlanEvent event, List<DesiredReminder> desired) {
        return jdbi.withHandle(h -> reconcile(h, h.attach(ReminderDao.class), event, desired));
    }

    private Outcome reconcile(Handle handle, ReminderDao dao, PlanEvent event, List<DesiredReminder> desired) {
        Instant now = clock.instant();
        // Marked APPLIED up front, corrected below when stale; nobody sees it before the commit.
        if (dao.markProcessed(event.eventId(), event.planId(), event.planVersion(), Outcome.APPLIED.name(), now) == 0) {
            return Outcome.DUPLICATE;
        }
        if (!event.type().newVersion()) {
            // a request about the plan as it stands (fresh links): its answer is added, the schedule left alone
            int added = desired.isEmpty() ? 0 : insertAll(dao, event, desired, now);
            int dropped = dropFollowUp(dao, event, now);
            LOG.infof("plan %s: %d answer to a request of its client's scheduled, %d follow-up check-in cancelled",
                    event.planId(), added, dropped);
            return Outcome.APPLIED;
        }
        Optional<Long> applied = dao.lockAppliedVersion(event.planId());
        if (applied.isPresent() && applied.get() >= event.planVersion()) {
            dao.setOutcome(event.eventId(), Outcome.STALE.name());
            LOG.debugf("plan %s v%d: older than applied v%d, ignored", event.planId(), event.planVersion(), applied.get());
            return Outcome.STALE;
        }
        apply(dao, event, desired, now);
        String snapshot = snapshotJson(event);
        PlanChanges.record(handle, event, snapshot, now); // against the state saved before, so first
        dao.saveState(event.planId(), event.planVersion(), event.plan().status(), snapshot, now);
        return Outcome.APPLIED;
    }

    /**
     * AFT-2: a check-in on a session that reported no soreness at +24 h ({@code followUp} false) cancels the
     * session's +48 h check-in, for good: {@link #needsMove} leaves a reminder cancelled for that reason alone.
     */
    private static int dropFollowUp(ReminderDao dao, PlanEvent event, Instant now) {
        PlanEvent.CheckIn checkIn = event.checkIn();
        if (event.type() != PlanEventType.CheckInRecorded || checkIn == null || checkIn.followUp()) {
            return 0;
        }
        List<String> followUps = ReminderPolicy.followUpsOf(event.plan(), checkIn.itemId());
        return followUps.isEmpty() ? 0 : dao.cancelFollowUps(event.planId(), followUps, ReminderPolicy.NO_FOLLOW_UP, now);
    }

    private void apply(ReminderDao dao, PlanEvent event, List<DesiredReminder> desired, Instant now) {
        Map<String, ReminderRow> existing = new HashMap<>();
        for (ReminderRow row : dao.findByPlan(event.planId())) {
            existing.put(row.id(), row);
        }
        List<DesiredReminder> added = new ArrayList<>();
        List<DesiredReminder> moved = new ArrayList<>();
        for (DesiredReminder want : desired) {
            ReminderRow have = existing.remove(want.key());
            if (have == null) {
                added.add(want);
            } else if (needsMove(have, want)) {
                moved.add(want);
            }
        }
        // what answers a request of the client's (fresh links) belongs to the request, not to any version
        List<String> unwanted = existing.values().stream()
                .filter(r -> "SCHEDULED".equals(r.status()) && !isOnRequest(r)).map(ReminderRow::id).toList();

        int inserted = added.isEmpty() ? 0 : insertAll(dao, event, added, now);
        int rescheduled = moved.isEmpty() ? 0 : rescheduleAll(dao, event, moved, now);
        int cancelled = unwanted.isEmpty() ? 0 : dao.cancel(unwanted, event.planVersion(), now);
        LOG.infof("plan %s v%d applied: %d reminders added, %d moved, %d cancelled",
                event.planId(), event.planVersion(), inserted, rescheduled, cancelled);
    }

    private static boolean isOnRequest(ReminderRow row) {
        ReminderKind kind = ReminderKind.named(row.kind());
        return kind != null && kind.onRequest();
    }

    private static int insertAll(ReminderDao dao, PlanEvent event, List<DesiredReminder> added, Instant now) {
        int n = added.size();
        String[] ids = new String[n];
        String[] itemIds = new String[n];
        String[] kinds = new String[n];
        String[] dueAt = new String[n];
        String[] localTime = new String[n];
        String[] zones = new String[n];
        for (int i = 0; i < n; i++) {
            DesiredReminder want = added.get(i);
            ids[i] = want.key();
            itemIds[i] = want.itemId();
            kinds[i] = want.kind().name();
            dueAt[i] = want.dueAt().toString();
            localTime[i] = want.localTime().toString();
            zones[i] = want.zone().getId();
        }
        return dao.insertAll(event.planId(), event.planVersion(), now, ids, itemIds, kinds, dueAt, localTime, zones);
    }

    private static int rescheduleAll(ReminderDao dao, PlanEvent event, List<DesiredReminder> moved, Instant now) {
        int n = moved.size();
        String[] ids = new String[n];
        String[] dueAt = new String[n];
        String[] localTime = new String[n];
        String[] zones = new String[n];
        for (int i = 0; i < n; i++) {
            DesiredReminder want = moved.get(i);
            ids[i] = want.key();
            dueAt[i] = want.dueAt().toString();
            localTime[i] = want.localTime().toString();
            zones[i] = want.zone().getId();
        }
        return dao.rescheduleAll(event.planVersion(), now, ids, dueAt, localTime, zones);
    }

    /** A reminder already sent stays sent; one not sent yet follows the newest plan. */
    private static boolean needsMove(ReminderRow have, DesiredReminder want) {
        if ("CANCELLED".equals(have.status()) && ReminderPolicy.NO_FOLLOW_UP.equals(have.lastError())) {
            return false; // the client's answer settled it
        }
        boolean unsent = switch (have.status()) {
            case "SCHEDULED", "CANCELLED", "SKIPPED" -> true;
            default -> false;
        };
        boolean immediate = want.kind() == ReminderKind.WELCOME || want.kind() == ReminderKind.AWAITING_CLEARANCE;
        if (!unsent || (immediate && "SCHEDULED".equals(have.status()))) {
            return false;
        }
        return !"SCHEDULED".equals(have.status()) || !have.dueAt().equals(want.dueAt())
                || !have.timeZone().equals(want.zone().getId());
    }

    /** The event as this notifier read it, written out again rather than stored as received: one clean JSON document. */
    private static String snapshotJson(PlanEvent event) {
        return PlanEventCodec.toJson(event);
    }
}
