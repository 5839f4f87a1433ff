package dev.wellplan.planner.plan.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.planner.plan.outbox.Outbox;
import dev.wellplan.planner.plan.store.PlanDao;
import dev.wellplan.support.problem.Problem.FieldError;
import dev.wellplan.support.problem.ProblemException;
import dev.wellplan.rules.Assessment;
import dev.wellplan.rules.AssessmentRules;
import dev.wellplan.rules.Plan;
import dev.wellplan.rules.PlanRules;
import dev.wellplan.rules.Violation;

/**
 * Enrollment: an assessment becomes a client, a plan at version 1, its first revision and a
 * {@code PlanCreated} outbox row, all in one transaction. With an Idempotency-Key, a second
 * enrollment under the same key rolls its own work back and answers with the first plan.
 */
@ApplicationScoped
public class EnrollmentService {

    private static final Logger LOG = Logger.getLogger(EnrollmentService.class);

    private final PlanDao plans;
    private final Outbox outbox;
    private final PlanDocuments documents;
    private final Clock clock;

    public EnrollmentService(Jdbi jdbi, Outbox outbox, PlanDocuments documents, Clock clock) {
        this.plans = jdbi.onDemand(PlanDao.class);
        this.outbox = outbox;
        this.documents = documents;
        this.clock = clock;
    }

    public Optional<PlanDao.IdempotencyKey> findByIdempotencyKey(String key) {
        return plans.findIdempotencyKey(key);
    }

    @Transactional
    public UUID enroll(Assessment assessment, String idempotencyKey, String requestHash) {
        List<Violation> violations = AssessmentRules.validate(assessment, today(assessment));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.stream()
                    .map(v -> new FieldError(v.field(), v.message())).toList());
        }
        Plan plan = PlanRules.createPlan(assessment);
        UUID clientId = UUID.randomUUID();
        UUID planId = UUID.randomUUID();
        Instant now = clock.instant();
        var client = assessment.client();
        plans.insertClient(clientId, client.name(), client.email(), client.timeZone().getId(), now);
        String body = documents.write(plan);
        plans.insertPlan(planId, clientId, 1, plan.status().name(), plan.timeZone().getId(), plan.startDate(),
                plan.endDate(), documents.write(assessment), body, now);
        plans.insertRevision(planId, 1, plan.status().name(), PlanEventType.PlanCreated.name(), null,
                "enrollment", body, now);
        if (idempotencyKey != null && plans.claimIdempotencyKey(idempotencyKey, requestHash, planId, now) == 0) {
            PlanDao.IdempotencyKey first = plans.findIdempotencyKey(idempotencyKey).orElseThrow();
            throw new IdempotentReplay(first.planId(), first.requestHash());
        }
        outbox.record(PlanEvents.of(PlanEventType.PlanCreated, planId, 1, clientId, client,
                assessment.preferences().quietHours(), plan, now, PlanEvent.Change.none()));
        LOG.infof("plan %s created, status %s, %d items", planId, plan.status(), plan.items().size());
        return planId;
    }

    private LocalDate today(Assessment assessment) {
        var zone = assessment.client() != null && assessment.client().timeZone() != null
                ? assessment.client().timeZone() : ZoneOffset.UTC;
        return LocalDate.now(clock.withZone(zone));
    }
}
