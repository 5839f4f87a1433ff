package dev.wellplan.planner.plan.app;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.wellplan.planner.plan.store.PlanDao;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.TransactionHandles;
import dev.wellplan.support.links.LinkConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Every few minutes, enrollments older than their confirmation link ({@code wellplan.links.confirm-lifetime},
 * 48 hours) that were never confirmed expire. Each in its own transaction; on several planner instances at once,
 * the plan's lock lets one of them expire it and the others find it done.
 */
@ApplicationScoped
public class UnconfirmedExpiry {

    private static final Logger LOG = Logger.getLogger(UnconfirmedExpiry.class);
    private static final int BATCH = 200;

    private final Confirmations confirmations;
    private final PlanDao plans;
    private final LinkConfig links;
    private final Clock clock;

    public UnconfirmedExpiry(Confirmations confirmations, TransactionHandles handles, LinkConfig links, Clock clock) {
        this.confirmations = confirmations;
        this.plans = handles.onDemand(PlanDao.class);
        this.links = links;
        this.clock = clock;
    }

    @Scheduled(every = "${wellplan.enrollment.expiry-check:PT5M}", delayed = "PT30S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireUnconfirmed() {
        int expired = 0;
        for (UUID planId : plans.pendingSince(clock.instant().minus(links.confirmLifetime()), BATCH)) {
            try {
                confirmations.expire(planId);
                expired++;
            } catch (Refusal.Conflict confirmedMeanwhile) {
                LOG.debugf("plan %s was confirmed while it expired", planId);
            }
        }
        if (expired > 0) {
            LOG.infof("%d unconfirmed enrollments expired", expired);
        }
    }
}
