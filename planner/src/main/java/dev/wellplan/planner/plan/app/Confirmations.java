package dev.wellplan.planner.plan.app;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.planner.plan.store.PlanDao;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.TransactionHandles;

/**
 * The client confirms their enrollment (the one button of the confirmation page), after which the plan's own
 * status applies and the welcome and reminders follow; an enrollment not confirmed in time expires, and what it
 * said about its client is forgotten.
 */
@ApplicationScoped
public class Confirmations {

    private static final Logger LOG = Logger.getLogger(Confirmations.class);
    /** What an expired enrollment's address becomes: a reserved domain no mail is ever sent to (RFC 2606). */
    static final String FORGOTTEN_ADDRESS = "forgotten@expired.invalid";
    static final String FORGOTTEN_ASSESSMENT = "{}";

    private final PlanChanges changes;
    private final PlanQueries queries;
    private final PlanDao plans;

    public Confirmations(PlanChanges changes, PlanQueries queries, TransactionHandles handles) {
        this.changes = changes;
        this.queries = queries;
        this.plans = handles.onDemand(PlanDao.class);
    }

    /**
     * Confirms the plan; a plan its client confirmed already is answered as it is (a second click).
     *
     * @throws Refusal.Conflict when the enrollment expired before it was confirmed
     */
    @Transactional
    public PlanView confirm(UUID planId) {
        String status = plans.status(planId).orElseThrow(() -> Refusal.NotFound.plan(planId));
        if (!status.equals(Confirmation.PENDING.status(null)) && !status.equals(Confirmation.EXPIRED.status(null))) {
            return queries.plan(planId);
        }
        var change = new PlanChanges.Change(PlanEventType.PlanStatusChanged, "client", "client",
                "confirmed by the client", "confirmed by the client", true, PlanEvent.Cause.CLIENT);
        return changes.confirm(planId, change, current -> {
            if (current.confirmation() != Confirmation.PENDING) {
                throw new Refusal.Conflict(current.confirmation() == Confirmation.EXPIRED
                        ? "this enrollment expired before it was confirmed: please enroll again"
                        : "this plan was confirmed a moment ago");
            }
            return Confirmation.CONFIRMED;
        });
    }

    /**
     * Expires an enrollment not confirmed in time and forgets its client's name, address and answers: the address
     * may have been a stranger's, and nobody agreed to keep them. The plan stays, without them, for its history.
     *
     * @throws Refusal.Conflict when it was confirmed meanwhile
     */
    @Transactional
    public void expire(UUID planId) {
        plans.forgetClient(planId, FORGOTTEN_ADDRESS);
        var change = new PlanChanges.Change(PlanEventType.PlanStatusChanged, "wellplan", "wellplan",
                "not confirmed in time", "not confirmed in time", true, PlanEvent.Cause.SYSTEM);
        changes.confirm(planId, change, current -> {
            if (current.confirmation() != Confirmation.PENDING) {
                throw new Refusal.Conflict("plan " + planId + " is no longer waiting for its confirmation");
            }
            return Confirmation.EXPIRED;
        });
        plans.replaceAssessment(planId, FORGOTTEN_ASSESSMENT);
        LOG.infof("plan %s expired unconfirmed; its client's name, address and answers are forgotten", planId);
    }
}
