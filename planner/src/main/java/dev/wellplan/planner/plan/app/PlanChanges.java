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

/**
 * The one way an existing plan changes, inside the transaction of the use case that asks for it (clearance,
 * and next adjustments, check-ins, pause, resume, cancel): the plan row is locked, the rules compute the next
 * plan, and the new version, its revision and its event commit together.
 */
@ApplicationScoped
public class PlanChanges {

    private static final Logger LOG = Logger.getLogger(PlanChanges.class);

    /** The plan as it stands, with the assessment it came from and the coach it is assigned to (null: the pool). */
    public record Current(Plan plan, Assessment assessment, long version, String coachId) {
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
        return store(planId, change, current -> new Next(rule.apply(current), current.coachId()));
    }

    /**
     * Gives the plan to another coach ({@code rule} returns the new coach's id, null for the pool), as a new
     * version whose plan is unchanged.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlanView reassign(UUID planId, Change change, Function<Current, String> rule) {
        return store(planId, change, current -> new Next(current.plan(), rule.apply(current)));
    }

    private record Next(Plan plan, String coachId) {
    }

    private PlanView store(UUID planId, Change change, Function<Current, Next> rule) {
        PlanDao.LockedPlan row = plans.lockPlan(planId).orElseThrow(() -> Refusal.NotFound.plan(planId));
        Current current = new Current(documents.readPlan(row.body()), documents.readAssessment(row.assessment()),
                row.version(), row.coachId());
        Next next = rule.apply(current);
        long version = row.version() + 1;
        Instant now = clock.instant();
        String body = documents.write(next.plan());
        plans.updatePlan(planId, version, next.plan().status().name(), next.plan().startDate(),
                next.plan().endDate(), body, next.coachId(), now);
        plans.insertRevision(planId, version, next.plan().status().name(), change.type().name(), change.actorName(),
                change.historyNote(), body, now);
        PlanDao.ClientRow client = plans.client(row.clientId());
        Client who = new Client(client.name(), client.email(), next.plan().timeZone());
        outbox.record(PlanEvents.of(change.type(), planId, version, row.clientId(), who,
                current.assessment().preferences().quietHours(), next.coachId(), next.plan(), now,
                new PlanEvent.Change(change.actorId(), change.eventReason(), change.silent())));
        LOG.infof("plan %s v%d: %s -> %s (%s)", planId, version, current.plan().status(), next.plan().status(),
                change.type());
        return PlanView.of(planId, version, next.coachId(), next.plan());
    }
}
