package dev.wellplan.planner.plan.app;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.wellplan.contract.EmailAddresses;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.planner.access.app.RateLimits;
import dev.wellplan.planner.plan.store.PlanDao;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.rules.AssessmentRules;
import dev.wellplan.support.TransactionHandles;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Fresh links by e-mail: a client who lost their links asks with their address, and the notifier mails fresh
 * ones to that address, and only to it. The answer is the same whether the address has a plan or not, so nobody
 * learns who is enrolled; the limits per address and per client IP address bound what a stranger can cause.
 */
@ApplicationScoped
public class AccessLinks {

    private static final Logger LOG = Logger.getLogger(AccessLinks.class);
    /** A client with more plans than this at once gets the links of the newest. */
    static final int MAX_PLANS = 3;

    private final PlanDao plans;
    private final PlanChanges changes;
    private final RateLimits limits;

    public AccessLinks(TransactionHandles handles, PlanChanges changes, RateLimits limits) {
        this.plans = handles.onDemand(PlanDao.class);
        this.changes = changes;
        this.limits = limits;
    }

    /**
     * Asks for fresh links for {@code email}, from the client IP address {@code address}.
     *
     * @throws Refusal.Invalid when {@code email} is not an address
     * @throws Refusal.TooMany when the address, or the client IP address, asked too often
     */
    public void request(String email, String address) {
        if (!AssessmentRules.isEmailAddress(email)) {
            throw Refusal.Invalid.of("email", "must be a valid e-mail address");
        }
        limits.anonymousRequest(address); // committed on its own first: one connection at a time (see Enrollments)
        QuarkusTransaction.joiningExisting().run(() -> announce(email));
    }

    private void announce(String email) {
        limits.accessLink(email);
        List<UUID> confirmed = plans.confirmedPlansOf(EmailAddresses.normalize(email), MAX_PLANS);
        for (UUID planId : confirmed) {
            changes.announce(planId, PlanEventType.AccessLinkRequested, "fresh links by e-mail");
        }
        LOG.debugf("fresh links asked for: %d plans", confirmed.size());
    }
}
