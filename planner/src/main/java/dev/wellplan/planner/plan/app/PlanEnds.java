package dev.wellplan.planner.plan.app;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.planner.alert.app.AlertKind;
import dev.wellplan.planner.alert.app.Alerts;
import dev.wellplan.planner.plan.store.LifecycleDao;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.rules.PlanRules;
import dev.wellplan.rules.PlanStatus;
import dev.wellplan.support.TransactionHandles;
import io.quarkus.scheduler.Scheduled;

/**
 * LIF-2 at the end of a plan: once its last day is over in its client's zone, an active or paused plan is completed,
 * and its coach gets a review task. The client heard on the last day already (the end-of-plan e-mail of its review
 * item, which links to their plan page: the summary and the offer of a follow-up plan), so the change is silent.
 * Every few minutes, each plan in its own transaction; on several planner instances at once, the plan's lock lets
 * one of them complete it and the others find it done.
 */
@ApplicationScoped
public class PlanEnds {

    private static final Logger LOG = Logger.getLogger(PlanEnds.class);
    static final String HISTORY = "plan completed: its four weeks are over (LIF-2)";
    static final String REASON = "plan completed";
    /** The subject of a plan's review task: one per plan. */
    static final String REVIEW = "review";
    private static final int BATCH = 200;

    private final PlanChanges changes;
    private final Alerts alerts;
    private final LifecycleDao lifecycle;
    private final Clock clock;

    public PlanEnds(PlanChanges changes, Alerts alerts, TransactionHandles handles, Clock clock) {
        this.changes = changes;
        this.alerts = alerts;
        this.lifecycle = handles.onDemand(LifecycleDao.class);
        this.clock = clock;
    }

    @Scheduled(every = "${wellplan.plans.end-check:PT15M}", delayed = "PT1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        int completed = completeEnded();
        if (completed > 0) {
            LOG.infof("%d plans completed at their end", completed);
        }
    }

    /** One pass: completes the plans whose last day is over (a batch of them); how many it completed. */
    public int completeEnded() {
        int completed = 0;
        for (UUID planId : lifecycle.endedBy(clock.instant(), BATCH)) {
            try {
                complete(planId);
                completed++;
            } catch (Refusal.Conflict changedMeanwhile) {
                LOG.debugf("plan %s changed while it was completed", planId);
            }
        }
        return completed;
    }

    /**
     * Completes the plan whose last day is over, and gives its coach the review task.
     *
     * @throws Refusal.Conflict when the plan is not active or paused, or not over yet
     */
    @Transactional
    public PlanView complete(UUID planId) {
        var change = new PlanChanges.Change(PlanEventType.PlanStatusChanged, "wellplan", "wellplan", HISTORY, REASON,
                true, PlanEvent.Cause.SYSTEM);
        PlanView plan = changes.change(planId, change, current -> {
            PlanStatus status = current.plan().status();
            LocalDate today = LocalDate.ofInstant(clock.instant(), current.plan().timeZone());
            if (current.confirmation() != Confirmation.CONFIRMED
                    || status != PlanStatus.ACTIVE && status != PlanStatus.PAUSED) {
                throw new Refusal.Conflict("plan " + planId + " is " + status + ", not under way");
            }
            if (!current.plan().endDate().isBefore(today)) {
                throw new Refusal.Conflict("plan " + planId + " runs until " + current.plan().endDate());
            }
            return PlanRules.complete(current.plan());
        });
        alerts.raise(planId, AlertKind.PLAN_REVIEW, REVIEW, null, null);
        return plan;
    }
}
