package dev.wellplan.planner.plan.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.planner.plan.outbox.Outbox;
import dev.wellplan.planner.plan.store.PlanDao;
import dev.wellplan.support.problem.ProblemException;
import dev.wellplan.rules.Assessment;
import dev.wellplan.rules.Client;
import dev.wellplan.rules.Plan;
import dev.wellplan.rules.PlanRules;
import dev.wellplan.rules.PlanStatus;

/**
 * Every change to an existing plan goes through here: the plan row is locked, the rules compute
 * the next plan, and the new version, its revision and its event commit together.
 */
@ApplicationScoped
public class PlanChanges {

    private static final Logger LOG = Logger.getLogger(PlanChanges.class);

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

    /** SAFE-3: a coach records medical clearance; massage sessions are scheduled from today on. */
    @Transactional
    public long clear(UUID planId, String coach, String note) {
        // The note may hold health details: it stays in the plan's history, never in the event.
        String history = note == null || note.isBlank() ? "medical clearance recorded" : "medical clearance: " + note;
        return change(planId, PlanEventType.PlanStatusChanged, coach, history, "medical clearance recorded", current -> {
            if (current.plan().status() != PlanStatus.AWAITING_CLEARANCE) {
                throw new ProblemException(409, "Conflict", "plan " + planId + " is " + current.plan().status()
                        + ", not awaiting clearance", java.util.List.of());
            }
            LocalDate today = LocalDate.now(clock.withZone(current.plan().timeZone()));
            return PlanRules.clear(current.plan(), current.assessment(), today);
        });
    }

    /** The plan as it stands, with the assessment it came from. */
    public record Current(Plan plan, Assessment assessment, long version) {
    }

    private long change(UUID planId, PlanEventType type, String actor, String historyNote, String eventReason,
                        Function<Current, Plan> rule) {
        PlanDao.LockedPlan row = plans.lockPlan(planId).orElseThrow(() -> ProblemException.notFound("plan " + planId));
        Current current = new Current(documents.readPlan(row.body()), documents.readAssessment(row.assessment()),
                row.version());
        Plan next = rule.apply(current);
        long version = row.version() + 1;
        Instant now = clock.instant();
        String body = documents.write(next);
        plans.updatePlan(planId, version, next.status().name(), next.startDate(), next.endDate(), body, now);
        plans.insertRevision(planId, version, next.status().name(), type.name(), actor, historyNote, body, now);
        PlanDao.ClientRow client = plans.client(row.clientId());
        Client who = new Client(client.name(), client.email(), next.timeZone());
        outbox.record(PlanEvents.of(type, planId, version, row.clientId(), who,
                current.assessment().preferences().quietHours(), next, now,
                new PlanEvent.Change(actor, eventReason, false)));
        LOG.infof("plan %s v%d: %s -> %s (%s)", planId, version, current.plan().status(), next.status(), type);
        return version;
    }
}
