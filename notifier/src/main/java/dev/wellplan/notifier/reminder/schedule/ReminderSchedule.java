package dev.wellplan.notifier.reminder.schedule;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;

/**
 * Makes the reminder ledger equal to what the newest plan version asks for. An event already
 * processed, or older than the version already applied, changes nothing; a newer one cancels
 * what is no longer wanted, adds what is new, moves what moved and leaves what is the same.
 * The processed mark and the ledger changes commit in one transaction.
 */
@ApplicationScoped
public class ReminderSchedule {

    private static final Logger LOG = Logger.getLogger(ReminderSchedule.class);

    public enum Outcome { APPLIED, DUPLICATE, STALE }

    private final ReminderDao dao;
    private final ReminderPolicy policy;
    private final Clock clock;

    public ReminderSchedule(Jdbi jdbi, ReminderPolicy policy, Clock clock) {
        this.dao = jdbi.onDemand(ReminderDao.class);
        this.policy = policy;
        this.clock = clock;
    }

    @Transactional
    public Outcome reconcile(PlanEvent event) {
        if (dao.alreadyProcessed(event.eventId())) {
            return Outcome.DUPLICATE;
        }
        var now = clock.instant();
        Optional<Long> applied = dao.lockAppliedVersion(event.planId());
        if (applied.isPresent() && applied.get() >= event.planVersion()) {
            dao.markProcessed(event.eventId(), event.planId(), event.planVersion(), Outcome.STALE.name(), now);
            LOG.debugf("plan %s v%d: older than applied v%d, ignored", event.planId(), event.planVersion(), applied.get());
            return Outcome.STALE;
        }
        apply(event, policy.desired(event), now);
        dao.saveState(event.planId(), event.planVersion(), event.plan().status(), snapshotJson(event), now);
        dao.markProcessed(event.eventId(), event.planId(), event.planVersion(), Outcome.APPLIED.name(), now);
        return Outcome.APPLIED;
    }

    private void apply(PlanEvent event, List<DesiredReminder> desired, java.time.Instant now) {
        Map<String, ReminderRow> existing = new HashMap<>();
        for (ReminderRow row : dao.findByPlan(event.planId())) {
            existing.put(row.id(), row);
        }
        int added = 0;
        int moved = 0;
        for (DesiredReminder want : desired) {
            ReminderRow have = existing.remove(want.key());
            if (have == null) {
                dao.insert(want.key(), want.planId(), want.itemId(), want.kind().name(), want.dueAt(), want.localTime(),
                        want.zone().getId(), event.planVersion(), now);
                added++;
            } else if (needsMove(have, want)) {
                moved += dao.reschedule(want.key(), want.dueAt(), want.localTime(), want.zone().getId(),
                        event.planVersion(), now);
            }
        }
        List<String> unwanted = existing.values().stream()
                .filter(r -> "SCHEDULED".equals(r.status())).map(ReminderRow::id).toList();
        int cancelled = unwanted.isEmpty() ? 0 : dao.cancel(unwanted, event.planVersion(), now);
        LOG.infof("plan %s v%d applied: %d reminders added, %d moved, %d cancelled",
                event.planId(), event.planVersion(), added, moved, cancelled);
    }

    /** A reminder already sent stays sent; one not sent yet follows the newest plan. */
    private static boolean needsMove(ReminderRow have, DesiredReminder want) {
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

    private static String snapshotJson(PlanEvent event) {
        return PlanEventCodec.toJson(event);
    }
}
