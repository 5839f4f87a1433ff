package dev.wellplan.planner.access.app;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.wellplan.planner.plan.store.PlanDao;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.TransactionHandles;

/**
 * "Sign out everywhere": every link the plan's client was sent before now stops opening their plan, its
 * calendar and its check-ins (a lost phone, a forwarded e-mail). Unsubscribe and preference links keep working:
 * they show no health data, and stopping e-mail must always be possible. A fresh link comes by e-mail.
 */
@ApplicationScoped
public class ClientSignOut {

    private static final Logger LOG = Logger.getLogger(ClientSignOut.class);

    private final PlanDao plans;
    private final Clock clock;

    public ClientSignOut(TransactionHandles handles, Clock clock) {
        this.plans = handles.onDemand(PlanDao.class);
        this.clock = clock;
    }

    @Transactional
    public void everywhere(UUID planId) {
        // Links carry their issue time in whole seconds: a link issued in this very second (a fresh one by e-mail
        // right after signing out) must still work, so the cut falls on the second.
        if (plans.signOutClient(planId, clock.instant().truncatedTo(ChronoUnit.SECONDS)) == 0) {
            throw Refusal.NotFound.plan(planId);
        }
        LOG.infof("the client of plan %s was signed out everywhere", planId);
    }
}
