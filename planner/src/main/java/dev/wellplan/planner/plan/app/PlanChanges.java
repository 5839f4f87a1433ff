package dev.wellplan.planner.plan.app;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.planner.plan.outbox.Outbox;
import dev.wellplan.planner.plan.outbox.PlanEvents;
import dev.wellplan.planner.plan.store.PlanDao;
import dev.wellplan.planner.plan.store.PlanDocuments;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.rules.Assessment;
import dev.wellplan.rules.Client;
import dev.wellplan.rules.Plan;
import dev.wellplan.rules.QuietHours;

/**
 * The one way an existing plan changes, inside the transaction of the use case that asks for it (clearance,
 * and next adjustments, check-ins, pause, resume, cancel): the plan row is locked, the rules compute the next
 * plan, and the new version, its revision and its event commit together.
 */
@ApplicationScoped
public class PlanChanges {

    private static final Logger LOG = Logger.getLogger(PlanChanges.class);

    /**
     * The plan as it stands, with the assessment it came from, the coach it is assigned to (null: the pool) and
     * whether its client has confirmed it.
     */
    public record Current(Plan plan, Assessment assessment, long version, String coachId, Confirmation confirmation) {
    }

    /**
     * What a change is, for the history and the event: its type; who made it, by the name the history shows
     * and the id the event carries (never an address); the note the plan's history keeps (it may hold health
     * details: it never leaves the planner); the reason the event carries; and whether the client hears of it.
     */
    public record Change(PlanEventType type, String actorName, String actorId, String historyNote, String eventReason,
                         boolean silent) {
    }

    private final PlanDao plans;
    private final Outbox outbox;
    private final PlanDocuments documents;
    private final Clock clock;

    public PlanChanges(Jdbi jdbi, Outbox outbox, PlanDocuments documents, Clock clock) {
        this.plans = jdbi.onDemand(PlanDao.class);
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
        return store(planId, change, current -> new Next(rule.apply(current), current.coachId(),
                current.confirmation()));
    }

    /**
     * Gives the plan to another coach ({@code rule} returns the new coach's id, null for the pool), as a new
     * version whose plan is unchanged.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlanView reassign(UUID planId, Change change, Function<Current, String> rule) {
        return store(planId, change, current -> new Next(current.plan(), rule.apply(current),
                current.confirmation()));
    }

    /** Moves the plan's confirmation on ({@code rule} returns the new state), as a new version whose plan is unchanged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlanView confirm(UUID planId, Change change, Function<Current, Confirmation> rule) {
        return store(planId, change, current -> new Next(current.plan(), current.coachId(), rule.apply(current)));
    }

    private record Next(Plan plan, String coachId, Confirmation confirmation) {
        String status() {
            return confirmation.status(plan);
        }
    }

    private PlanView store(UUID planId, Change change, Function<Current, Next> rule) {
        PlanDao.LockedPlan row = plans.lockPlan(planId).orElseThrow(() -> Refusal.NotFound.plan(planId));
        Current current = new Current(documents.readPlan(row.body()), documents.readAssessment(row.assessment()),
                row.version(), row.coachId(), Confirmation.valueOf(row.confirmation()));
        Next next = rule.apply(current);
        long version = row.version() + 1;
        Instant now = clock.instant();
        String body = documents.write(next.plan());
        plans.updatePlan(planId, version, next.status(), next.confirmation().name(), next.plan().startDate(),
                next.plan().endDate(), body, next.coachId(), now);
        plans.insertRevision(planId, version, next.status(), change.type().name(), change.actorName(),
                change.historyNote(), body, now);
        outbox.record(event(change.type(), row, version, next.status(), next.coachId(), next.plan(),
                current.assessment(), now, new PlanEvent.Change(change.actorId(), change.eventReason(),
                        change.silent())));
        LOG.infof("plan %s v%d: %s -> %s (%s)", planId, version, row.status(), next.status(), change.type());
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
        PlanDao.LockedPlan row = plans.lockPlan(planId).orElseThrow(() -> Refusal.NotFound.plan(planId));
        outbox.record(event(type, row, row.version(), row.status(), row.coachId(), documents.readPlan(row.body()),
                documents.readAssessment(row.assessment()), clock.instant(), new PlanEvent.Change(null, reason, false)));
    }

    private PlanEvent event(PlanEventType type, PlanDao.LockedPlan row, long version, String status, String coachId,
                            Plan plan, Assessment assessment, Instant at, PlanEvent.Change change) {
        PlanDao.ClientRow client = plans.client(row.clientId());
        Client who = new Client(client.name(), client.email(), plan.timeZone());
        // the clearance episode, from the history (this version's revision is in it already): one value per episode
        Long awaitingSince = "AWAITING_CLEARANCE".equals(status) ? plans.awaitingClearanceSince(row.id()) : null;
        return PlanEvents.of(type, row.id(), version, status, row.clientId(), who, quietHours(assessment), coachId,
                awaitingSince, plan, at, change);
    }

    /** An expired enrollment's assessment is forgotten, and with it the quiet hours. */
    private static QuietHours quietHours(Assessment assessment) {
        return assessment == null || assessment.preferences() == null ? null : assessment.preferences().quietHours();
    }
}
