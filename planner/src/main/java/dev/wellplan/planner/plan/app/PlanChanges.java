package dev.wellplan.planner.plan.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.planner.plan.outbox.Outbox;
import dev.wellplan.planner.plan.outbox.PlanEvents;
import dev.wellplan.planner.plan.store.PlanDao;
import dev.wellplan.planner.plan.store.PlanDocuments;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.rules.Adjustment;
import dev.wellplan.rules.Assessment;
import dev.wellplan.rules.Client;
import dev.wellplan.rules.Operation;
import dev.wellplan.rules.Plan;
import dev.wellplan.rules.QuietHours;
import dev.wellplan.support.TransactionHandles;

/**
 * The one way an existing plan changes, inside the transaction of the use case that asks for it (clearance,
 * adjustments, and next check-ins): the plan row is locked, the rules compute the next plan, and the new version,
 * its revision and its event commit together. A preview ({@link #propose} without the lock, never committed)
 * computes the same next version and event by the same code, so it shows what a commit would store.
 */
@ApplicationScoped
public class PlanChanges {

    private static final Logger LOG = Logger.getLogger(PlanChanges.class);
    private static final String AWAITING_CLEARANCE = "AWAITING_CLEARANCE";
    /** How a revision keeps an adjustment's operations and overrides, and the history reads them back. */
    public static final TypeReference<List<Operation>> OPERATIONS = new TypeReference<>() {
    };
    public static final TypeReference<List<Adjustment.OverrideUsed>> OVERRIDES = new TypeReference<>() {
    };

    /**
     * The plan as it stands, with the assessment it came from, the coach it is assigned to (null: the pool) and
     * whether its client has confirmed it.
     */
    public record Current(Plan plan, Assessment assessment, long version, String coachId, Confirmation confirmation) {
    }

    /**
     * What a change is, for the history and the event: its type; who made it, by the name the history shows
     * and the id the event carries (never an address); the note the plan's history keeps (it may hold health
     * details: it never leaves the planner); the reason the event carries; whether the client hears of it; and what
     * set it off ({@code cause}: a coach, a check-in, a clearance, the client, wellplan itself; null says a coach).
     */
    public record Change(PlanEventType type, String actorName, String actorId, String historyNote, String eventReason,
                         boolean silent, PlanEvent.Cause cause) {

        /** A coach's change. */
        public Change(PlanEventType type, String actorName, String actorId, String historyNote, String eventReason,
                      boolean silent) {
            this(type, actorName, actorId, historyNote, eventReason, silent, null);
        }
    }

    /** What only an adjustment's revision keeps: its operations and the rules it set aside (null for other changes). */
    public record Detail(List<Operation> operations, List<Adjustment.OverrideUsed> overrides) {
        public static final Detail NONE = new Detail(null, null);
    }

    /** The next version as a rule decided it: the plan, its assessment, its coach, its confirmation and the change. */
    public record Next(Plan plan, Assessment assessment, String coachId, Confirmation confirmation, Change change,
                       Detail detail) {

        /** {@code plan} and {@code change}, with everything else as it stands. */
        public static Next of(Current current, Plan plan, Change change) {
            return new Next(plan, current.assessment(), current.coachId(), current.confirmation(), change,
                    Detail.NONE);
        }

        String status() {
            return confirmation.status(plan);
        }
    }

    /**
     * A change worked out and not stored yet: the plan as it stands ({@code current}, and {@code before} as its
     * events show it), the next version, and the event that version would publish ({@code after}).
     */
    public record Proposal(UUID planId, Current current, PlanSnapshot before, Instant beforeAt, Next next,
                           PlanEvent after) {
    }

    private final PlanDao plans;
    private final Outbox outbox;
    private final PlanDocuments documents;
    private final Clock clock;

    public PlanChanges(TransactionHandles handles, Outbox outbox, PlanDocuments documents, Clock clock) {
        this.plans = handles.onDemand(PlanDao.class);
        this.outbox = outbox;
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * Applies {@code rule} to the locked plan and stores the result as the next version.
     *
     * @throws Refusal.NotFound when there is no such plan; whatever {@code rule} throws rolls the change back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlanView change(UUID planId, Change change, Function<Current, Plan> rule) {
        return revise(planId, current -> Next.of(current, rule.apply(current), change));
    }

    /**
     * Gives the plan to another coach ({@code rule} returns the new coach's id, null for the pool), as a new
     * version whose plan is unchanged.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlanView reassign(UUID planId, Change change, Function<Current, String> rule) {
        return revise(planId, current -> new Next(current.plan(), current.assessment(), rule.apply(current),
                current.confirmation(), change, Detail.NONE));
    }

    /** Moves the plan's confirmation on ({@code rule} returns the new state), as a new version whose plan is unchanged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlanView confirm(UUID planId, Change change, Function<Current, Confirmation> rule) {
        return revise(planId, current -> new Next(current.plan(), current.assessment(), current.coachId(),
                rule.apply(current), change, Detail.NONE));
    }

    /** Applies {@code rule} to the locked plan and stores the whole next version it decides, change and all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlanView revise(UUID planId, Function<Current, Next> rule) {
        return commit(propose(planId, true, rule));
    }

    /**
     * Works out the next version without storing it: with {@code lock}, the plan row stays locked until the
     * caller's transaction ends, for a {@link #commit}; without, nothing waits and nothing is kept (a preview).
     *
     * @throws Refusal.NotFound when there is no such plan; whatever {@code rule} throws
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Proposal propose(UUID planId, boolean lock, Function<Current, Next> rule) {
        PlanDao.LockedPlan row = (lock ? plans.lockPlan(planId) : plans.readPlan(planId))
                .orElseThrow(() -> Refusal.NotFound.plan(planId));
        Assessment assessment = documents.readAssessment(row.assessment());
        Plan plan = documents.readPlan(row.body());
        Current current = new Current(plan, assessment, row.version(), row.coachId(),
                Confirmation.valueOf(row.confirmation()));
        Next next = Objects.requireNonNull(rule.apply(current), "a rule decides the next version");
        PlanDao.ClientRow client = plans.client(row.clientId());
        PlanSnapshot before = snapshot(row, client, row.version(), row.status(), row.coachId(), plan, assessment,
                awaitingSince(row, row.status(), false));
        Change change = next.change();
        long version = row.version() + 1;
        PlanEvent after = PlanEvents.of(change.type(), clock.instant(),
                new PlanEvent.Change(change.actorId(), change.eventReason(), change.silent(), change.cause()),
                snapshot(row, client, version, next.status(), next.coachId(), next.plan(), next.assessment(),
                        awaitingSince(row, next.status(), true)));
        return new Proposal(planId, current, before, row.updatedAt(), next, after);
    }

    /**
     * Stores a proposal made under the lock as the next version: the plan row, its revision and its event.
     *
     * @throws Refusal.Stale when the plan is no longer at the version the proposal started from
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlanView commit(Proposal proposal) {
        Next next = proposal.next();
        PlanEvent event = proposal.after();
        long version = event.planVersion();
        Instant now = event.occurredAt();
        // a version whose plan is unchanged (a confirmation, a new coach) keeps the stored document as it is
        String body = next.plan().equals(proposal.current().plan()) ? null : documents.write(next.plan());
        UUID planId = proposal.planId();
        if (plans.updatePlan(planId, version, next.status(), next.confirmation().name(),
                next.plan().timeZone().getId(), next.plan().startDate(), next.plan().endDate(), body, next.coachId(),
                now) == 0) {
            throw new Refusal.Stale(plans.findPlan(planId).map(r -> r.version()).orElse(version - 1));
        }
        if (!Objects.equals(next.assessment(), proposal.current().assessment())) {
            plans.replaceAssessment(planId, documents.write(next.assessment()));
        }
        Change change = next.change();
        plans.insertRevision(new PlanDao.RevisionRow(planId, version, next.status(), change.type().name(),
                change.actorName(), change.historyNote(), next.coachId(), change.silent(),
                json(next.detail().operations(), OPERATIONS), json(next.detail().overrides(), OVERRIDES)), now);
        outbox.record(event);
        LOG.infof("plan %s v%d: %s -> %s (%s)", planId, version, proposal.before().status(), next.status(),
                change.type());
        return PlanView.of(planId, version, next.status(), next.coachId(), next.plan());
    }

    /**
     * Publishes a request about the plan as it stands ({@code type} is one whose events are not new versions, such
     * as {@link PlanEventType#AccessLinkRequested}): the current snapshot, at the current version, nothing stored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(UUID planId, PlanEventType type, String reason) {
        if (type.newVersion()) {
            throw new IllegalArgumentException(type + " events are versions: use change()");
        }
        announce(planId, type, new PlanEvent.Change(null, reason, false), null);
    }

    /**
     * Tells the notifier of a check-in ({@link PlanEventType#CheckInRecorded}): which session, and whether its +48 h
     * check-in is still wanted; the plan as it stands, nothing stored, none of the answers. {@code actorId} is who
     * recorded it: {@code client}, or the coach who recorded it for them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceCheckIn(UUID planId, String actorId, PlanEvent.CheckIn checkIn) {
        announce(planId, PlanEventType.CheckInRecorded,
                new PlanEvent.Change(actorId, "check-in recorded", true, PlanEvent.Cause.CHECK_IN), checkIn);
    }

    private void announce(UUID planId, PlanEventType type, PlanEvent.Change change, PlanEvent.CheckIn checkIn) {
        PlanDao.LockedPlan row = plans.lockPlan(planId).orElseThrow(() -> Refusal.NotFound.plan(planId));
        PlanSnapshot snapshot = snapshot(row, plans.client(row.clientId()), row.version(), row.status(),
                row.coachId(), documents.readPlan(row.body()), documents.readAssessment(row.assessment()),
                awaitingSince(row, row.status(), false));
        outbox.record(PlanEvents.of(type, clock.instant(), change, snapshot, checkIn));
    }

    /**
     * The clearance episode a snapshot in {@code status} belongs to, from the history: the version at which the plan
     * last entered {@code AWAITING_CLEARANCE}; with {@code entering}, the next version starts a new one when the plan
     * stands in another status now. Null in any other status.
     */
    private Long awaitingSince(PlanDao.LockedPlan row, String status, boolean entering) {
        if (!AWAITING_CLEARANCE.equals(status)) {
            return null;
        }
        if (entering && !AWAITING_CLEARANCE.equals(row.status())) {
            return row.version() + 1;
        }
        return plans.awaitingClearanceSince(row.id());
    }

    private String json(List<?> values, TypeReference<?> type) {
        return values == null ? null : documents.json(values, type);
    }

    private static PlanSnapshot snapshot(PlanDao.LockedPlan row, PlanDao.ClientRow client, long version,
                                         String status, String coachId, Plan plan, Assessment assessment,
                                         Long awaitingClearanceSince) {
        Client who = new Client(client.name(), client.email(), plan.timeZone());
        return PlanEvents.snapshot(row.id(), version, status, row.clientId(), who, quietHours(assessment), coachId,
                awaitingClearanceSince, plan);
    }

    /** An expired enrollment's assessment is forgotten, and with it the quiet hours. */
    private static QuietHours quietHours(Assessment assessment) {
        return assessment == null || assessment.preferences() == null ? null : assessment.preferences().quietHours();
    }
}
