package dev.wellplan.planner.plan.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.wellplan.contract.EmailAddresses;
import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.planner.access.app.RateLimits;
import dev.wellplan.planner.plan.outbox.Outbox;
import dev.wellplan.planner.plan.outbox.PlanEvents;
import dev.wellplan.planner.plan.store.PlanDao;
import dev.wellplan.planner.plan.store.PlanDocuments;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.rules.Assessment;
import dev.wellplan.rules.AssessmentRules;
import dev.wellplan.rules.Plan;
import dev.wellplan.rules.PlanRules;
import dev.wellplan.rules.Violation;
import dev.wellplan.support.TransactionHandles;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Enrollment: an assessment becomes a client, a plan at version 1, its first revision and a {@code PlanCreated}
 * outbox row, all in one transaction, at most once per Idempotency-Key. The plan waits for its client's
 * confirmation ({@link Confirmation#PENDING}): the only e-mail it causes until then is the request to confirm,
 * and the limits per address and per client IP address bound how many of those anyone can cause.
 */
@ApplicationScoped
public class Enrollments {

    private static final Logger LOG = Logger.getLogger(Enrollments.class);

    /** The plan, and whether it was made by an earlier request with the same Idempotency-Key. */
    public record Enrolled(PlanView plan, boolean replayed) {
    }

    /** Who asked: the coach who enrolls the client (null for a self-enrollment) and the client IP address. */
    public record Requester(String coachId, String address) {
        public static final Requester UNKNOWN = new Requester(null, null);
    }

    private final PlanDao plans;
    private final Outbox outbox;
    private final PlanDocuments documents;
    private final PlanQueries queries;
    private final RateLimits limits;
    private final IdempotencyKeys keys;
    private final Clock clock;

    public Enrollments(TransactionHandles handles, Outbox outbox, PlanDocuments documents, PlanQueries queries,
                       RateLimits limits, IdempotencyKeys keys, Clock clock) {
        this.plans = handles.onDemand(PlanDao.class);
        this.outbox = outbox;
        this.documents = documents;
        this.queries = queries;
        this.limits = limits;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Enrolls a client. With an {@code idempotencyKey} (null for none) the key is claimed first, in this
     * transaction ({@link IdempotencyKeys}): a request that finds it taken (a retry, or a concurrent twin, which it
     * waits for) answers with the plan the key made, or is refused when it carried a different assessment.
     */
    public Enrolled enroll(Assessment assessment, String idempotencyKey) {
        return enroll(assessment, idempotencyKey, Requester.UNKNOWN);
    }

    /**
     * As {@link #enroll(Assessment, String)}, knowing who asks: a plan a coach enrolls is theirs from the start (a
     * self-enrollment goes to the clinic's unassigned pool), and an anonymous request counts against its client IP
     * address's limit. That count commits in a transaction of its own before the enrollment's transaction begins:
     * a request holds one database connection at a time, or concurrent requests as many as the pool would each hold
     * one and wait for a second.
     *
     * @throws Refusal.TooMany when the address, or the client IP address, has enrolled too often lately
     */
    public Enrolled enroll(Assessment assessment, String idempotencyKey, Requester requester) {
        List<Violation> violations = AssessmentRules.validate(assessment, today(assessment));
        if (!violations.isEmpty()) {
            throw new Refusal.Invalid(violations);
        }
        if (requester.coachId() == null) {
            limits.anonymousRequest(requester.address());
        }
        return QuarkusTransaction.joiningExisting()
                .call(() -> enrollValid(assessment, idempotencyKey, requester.coachId()));
    }

    private Enrolled enrollValid(Assessment assessment, String idempotencyKey, String coachId) {
        UUID planId = UUID.randomUUID();
        Instant now = clock.instant();
        if (idempotencyKey != null) {
            Optional<IdempotencyKeys.First> first = keys.claim(idempotencyKey, documents.fingerprint(assessment), planId);
            if (first.isPresent()) {
                return new Enrolled(queries.plan(first.get().planId()), true);
            }
        }
        limits.enrollment(assessment.client().email());
        return new Enrolled(create(planId, assessment, coachId, now), false);
    }

    private PlanView create(UUID planId, Assessment assessment, String coachId, Instant now) {
        Plan plan = PlanRules.createPlan(assessment);
        UUID clientId = UUID.randomUUID();
        var client = assessment.client();
        plans.insertClient(clientId, client.name(), client.email(), EmailAddresses.normalize(client.email()),
                client.timeZone().getId(), now);
        String body = documents.write(plan);
        String status = Confirmation.PENDING.status(plan);
        plans.insertPlan(planId, clientId, 1, status, Confirmation.PENDING.name(), plan.timeZone().getId(),
                plan.startDate(), plan.endDate(), documents.write(assessment), body, coachId, now);
        plans.insertRevision(planId, 1, status, PlanEventType.PlanCreated.name(), null, "enrollment", now);
        outbox.record(PlanEvents.of(PlanEventType.PlanCreated, planId, 1, status, clientId, client,
                assessment.preferences().quietHours(), coachId, plan, now, PlanEvent.Change.none()));
        LOG.infof("plan %s created, status %s once confirmed, %d items", planId, plan.status(), plan.items().size());
        return PlanView.of(planId, 1, status, coachId, plan);
    }

    private LocalDate today(Assessment assessment) {
        var zone = assessment.client() != null && assessment.client().timeZone() != null
                ? assessment.client().timeZone() : ZoneOffset.UTC;
        return LocalDate.now(clock.withZone(zone));
    }
}
