package dev.wellplan.notifier.reminder.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
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
 * <p>Events come in batches (what the consumer read in one poll) and cost a handful of statements per batch, whatever
 * the number of events and the size of their plans: the processed marks go first (their keys make a duplicate, even
 * a concurrent one, find out at once), then the plans' version locks, their ledgers in one read, and the new, moved
 * and cancelled reminders each in one statement, and the applied states with each version's change log
 * ({@link PlanChanges}) in one more. A plan's second event in a batch goes in a round of its own after the first, so
 * each sees the ledger as the one before left it. All of it runs on one JDBI handle, on the transaction's connection,
 * and commits once.
 *
 * <p>What the plan asks for ({@code ReminderPolicy.desired}) comes with the event: the consumer computes it once,
 * before this transaction, because an event it cannot plan is poison to reject, not a fault to retry.
 */
@ApplicationScoped
public class ReminderSchedule {

    private static final Logger LOG = Logger.getLogger(ReminderSchedule.class);

    public enum Outcome { APPLIED, DUPLICATE, STALE }

    /** One event to apply and the reminders its plan asks for. */
    public record Applying(PlanEvent event, List<DesiredReminder> desired) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public ReminderSchedule(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Applies {@code event}, whose plan asks for the reminders {@code desired}. */
    @Transactional
    public Outcome reconcile(PlanEvent event, List<DesiredReminder> desired) {
        return reconcileAll(List.of(new Applying(event, desired))).get(0);
    }

    /** Applies {@code events} in their order, in one transaction; their outcomes, in the same order. */
    @Transactional
    public List<Outcome> reconcileAll(List<Applying> events) {
        return jdbi.withHandle(handle -> {
            ReminderDao dao = handle.attach(ReminderDao.class);
            Outcome[] outcomes = new Outcome[events.size()];
            Tally tally = new Tally();
            for (List<Integer> round : rounds(events)) {
                reconcile(dao, events, round, outcomes, tally);
            }
            tally.log(outcomes);
            return List.of(outcomes);
        });
    }

    /**
     * The events split in rounds, in order, so that no plan comes twice in a round (nor an event, which is always of
     * one plan): a plan's later event waits for a later round, and so for its earlier event's changes.
     */
    private static List<List<Integer>> rounds(List<Applying> events) {
        List<List<Integer>> rounds = new ArrayList<>();
        Map<UUID, Integer> lastRoundOfPlan = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            UUID plan = events.get(i).event().planId();
            int r = lastRoundOfPlan.getOrDefault(plan, -1) + 1;
            if (r == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(r).add(i);
            lastRoundOfPlan.put(plan, r);
        }
        return rounds;
    }

    /** One round: no two of its events share a plan. */
    private void reconcile(ReminderDao dao, List<Applying> events, List<Integer> round, Outcome[] outcomes,
                           Tally tally) {
        Instant now = clock.instant();
        Changes changes = new Changes(now);
        // Marked APPLIED up front, corrected below when stale; nobody sees it before the commit. In event id
        // order, so that two instances marking the same events wait for each other rather than deadlock.
        List<Integer> byEventId = new ArrayList<>(round);
        byEventId.sort(Comparator.comparing(i -> events.get(i).event().eventId()));
        Set<UUID> fresh = new HashSet<>(dao.markAllProcessed(
                ids(byEventId, events, e -> e.eventId()), ids(byEventId, events, e -> e.planId()),
                byEventId.stream().map(i -> events.get(i).event().planVersion()).toArray(Long[]::new),
                Outcome.APPLIED.name(), now));
        List<Integer> versions = new ArrayList<>();
        for (int i : round) {
            PlanEvent event = events.get(i).event();
            if (!fresh.contains(event.eventId())) {
                outcomes[i] = Outcome.DUPLICATE;
            } else if (!event.type().newVersion()) {
                // a request about the plan as it stands (fresh links): its answer is added, the schedule left alone
                changes.add(event, events.get(i).desired());
                int dropped = dropFollowUp(dao, event, now);
                outcomes[i] = Outcome.APPLIED;
                tally.answered(event, events.get(i).desired().size(), dropped);
            } else {
                versions.add(i);
            }
        }
        if (!versions.isEmpty()) {
            versions.sort(Comparator.comparing(i -> events.get(i).event().planId()));
            apply(dao, events, versions, outcomes, changes, tally);
        }
        changes.write(dao);
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

    /** The events of new plan versions in a round: stale ones are marked so, the others applied. */
    private void apply(ReminderDao dao, List<Applying> events, List<Integer> round, Outcome[] outcomes,
                       Changes changes, Tally tally) {
        Map<UUID, Long> applied = new HashMap<>();
        for (ReminderDao.AppliedVersion v : dao.lockAppliedVersions(ids(round, events, e -> e.planId()))) {
            applied.put(v.planId(), v.version());
        }
        List<Integer> newer = new ArrayList<>();
        List<UUID> stale = new ArrayList<>();
        for (int i : round) {
            PlanEvent event = events.get(i).event();
            Long version = applied.get(event.planId());
            if (version != null && version >= event.planVersion()) {
                outcomes[i] = Outcome.STALE;
                stale.add(event.eventId());
                if (LOG.isDebugEnabled()) {
                    LOG.debugf("plan %s v%d: older than applied v%d, ignored", event.planId(), event.planVersion(),
                            version);
                }
            } else {
                outcomes[i] = Outcome.APPLIED;
                newer.add(i);
            }
        }
        if (!stale.isEmpty()) {
            dao.setOutcomes(stale.toArray(UUID[]::new), Outcome.STALE.name());
        }
        if (newer.isEmpty()) {
            return;
        }
        Map<UUID, List<ReminderRow>> ledgers = new HashMap<>();
        for (ReminderRow row : dao.findByPlans(ids(newer, events, e -> e.planId()))) {
            ledgers.computeIfAbsent(row.planId(), p -> new ArrayList<>()).add(row);
        }
        for (int i : newer) {
            PlanEvent event = events.get(i).event();
            apply(event, events.get(i).desired(), ledgers.getOrDefault(event.planId(), List.of()), changes, tally);
            // its change log goes with the state: against the state saved before, a plan coming once a round
            changes.state(event, snapshotJson(event));
        }
    }

    /** What one new version changes in its plan's ledger {@code ledger}: added, moved and cancelled reminders. */
    private static void apply(PlanEvent event, List<DesiredReminder> desired, List<ReminderRow> ledger,
                              Changes changes, Tally tally) {
        Map<String, ReminderRow> existing = new HashMap<>();
        for (ReminderRow row : ledger) {
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

        changes.add(event, added);
        changes.move(event, moved);
        changes.cancel(event, unwanted);
        tally.applied(event, added.size(), moved.size(), unwanted.size());
    }

    private static boolean isOnRequest(ReminderRow row) {
        ReminderKind kind = ReminderKind.named(row.kind());
        return kind != null && kind.onRequest();
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

    private interface IdOf {
        UUID of(PlanEvent event);
    }

    private static UUID[] ids(List<Integer> indexes, List<Applying> events, IdOf id) {
        return indexes.stream().map(i -> id.of(events.get(i).event())).toArray(UUID[]::new);
    }

    /**
     * A round's changes to the ledger and the applied states, gathered event by event and written in one statement
     * per kind: element {@code i} of each array is one reminder (or plan), with the plan version that changed it.
     */
    private static final class Changes {
        private final Instant now;
        private final Columns added = new Columns();
        private final Columns moved = new Columns();
        private final List<String> cancelled = new ArrayList<>();
        private final List<Long> cancelledBy = new ArrayList<>();
        private final List<UUID> statePlans = new ArrayList<>();
        private final List<Long> stateVersions = new ArrayList<>();
        private final List<String> stateStatuses = new ArrayList<>();
        private final List<String> causes = new ArrayList<>();
        private final List<String> reasons = new ArrayList<>();
        private final List<Boolean> silent = new ArrayList<>();
        /** The states' snapshots as one JSON array, in the order of {@link #statePlans}. */
        private final StringBuilder stateSnapshots = new StringBuilder("[");

        Changes(Instant now) {
            this.now = now;
        }

        void add(PlanEvent event, List<DesiredReminder> reminders) {
            reminders.forEach(r -> added.add(event, r));
        }

        void move(PlanEvent event, List<DesiredReminder> reminders) {
            reminders.forEach(r -> moved.add(event, r));
        }

        void cancel(PlanEvent event, List<String> ids) {
            for (String id : ids) {
                cancelled.add(id);
                cancelledBy.add(event.planVersion());
            }
        }

        void state(PlanEvent event, String snapshot) {
            statePlans.add(event.planId());
            stateVersions.add(event.planVersion());
            stateStatuses.add(event.plan().status());
            causes.add(event.change().causeOrCoach().name());
            reasons.add(event.change().reason());
            silent.add(event.change().silent());
            stateSnapshots.append(stateSnapshots.length() == 1 ? "" : ",").append(snapshot);
        }

        void write(ReminderDao dao) {
            if (!added.isEmpty()) {
                dao.insertAll(now, added.planIds(), added.versions(), added.ids(), added.itemIds(), added.kinds(),
                        added.dueAt(), added.localTime(), added.zones());
            }
            if (!moved.isEmpty()) {
                dao.rescheduleAll(now, moved.versions(), moved.ids(), moved.dueAt(), moved.localTime(), moved.zones());
            }
            if (!cancelled.isEmpty()) {
                dao.cancelAll(cancelled.toArray(String[]::new),
                        cancelledBy.toArray(Long[]::new), now);
            }
            if (!statePlans.isEmpty()) {
                dao.saveStates(statePlans.toArray(UUID[]::new), stateVersions.toArray(Long[]::new),
                        stateStatuses.toArray(String[]::new), causes.toArray(String[]::new),
                        reasons.toArray(String[]::new), silent.toArray(Boolean[]::new),
                        stateSnapshots.append(']').toString(), now);
            }
        }
    }

    /**
     * What a batch did, logged once for it at INFO, after each event's own line (by plan id, never a name or an
     * address: an operator follows a plan through the services' logs by it).
     */
    private static final class Tally {
        private int versions;
        private int added;
        private int moved;
        private int cancelled;
        private int requests;
        private int answers;
        private int followUpsCancelled;

        void applied(PlanEvent event, int added, int moved, int cancelled) {
            versions++;
            this.added += added;
            this.moved += moved;
            this.cancelled += cancelled;
            LOG.infof("plan %s v%d applied: %d reminders added, %d moved, %d cancelled",
                    event.planId(), event.planVersion(), added, moved, cancelled);
        }

        void answered(PlanEvent event, int answers, int followUpsCancelled) {
            requests++;
            this.answers += answers;
            this.followUpsCancelled += followUpsCancelled;
            LOG.infof("plan %s: %d answer to a request of its client's scheduled, %d follow-up check-in cancelled",
                    event.planId(), answers, followUpsCancelled);
        }

        void log(Outcome[] outcomes) {
            int duplicates = 0;
            int stale = 0;
            for (Outcome outcome : outcomes) {
                duplicates += outcome == Outcome.DUPLICATE ? 1 : 0;
                stale += outcome == Outcome.STALE ? 1 : 0;
            }
            LOG.infof("%d plan versions applied: %d reminders added, %d moved, %d cancelled; %d requests answered "
                            + "(%d reminders, %d follow-up check-ins cancelled); %d duplicate, %d stale events",
                    versions, added, moved, cancelled, requests, answers, followUpsCancelled, duplicates, stale);
        }
    }

    /** Reminders as parallel arrays, the way the ledger's set-based statements take them. */
    private static final class Columns {
        private final List<UUID> planIds = new ArrayList<>();
        private final List<Long> versions = new ArrayList<>();
        private final List<String> ids = new ArrayList<>();
        private final List<String> itemIds = new ArrayList<>();
        private final List<String> kinds = new ArrayList<>();
        private final List<String> dueAt = new ArrayList<>();
        private final List<String> localTime = new ArrayList<>();
        private final List<String> zones = new ArrayList<>();

        void add(PlanEvent event, DesiredReminder want) {
            planIds.add(event.planId());
            versions.add(event.planVersion());
            ids.add(want.key());
            itemIds.add(want.itemId());
            kinds.add(want.kind().name());
            dueAt.add(want.dueAt().toString());
            localTime.add(want.localTime().toString());
            zones.add(want.zone().getId());
        }

        boolean isEmpty() {
            return ids.isEmpty();
        }

        UUID[] planIds() {
            return planIds.toArray(UUID[]::new);
        }

        Long[] versions() {
            return versions.toArray(Long[]::new);
        }

        String[] ids() {
            return ids.toArray(String[]::new);
        }

        String[] itemIds() {
            return itemIds.toArray(String[]::new);
        }

        String[] kinds() {
            return kinds.toArray(String[]::new);
        }

        String[] dueAt() {
            return dueAt.toArray(String[]::new);
        }

        String[] localTime() {
            return localTime.toArray(String[]::new);
        }

        String[] zones() {
            return zones.toArray(String[]::new);
        }
    }
}
