package dev.wellplan.planner.plan.app;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.wellplan.planner.plan.store.PlanDao;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.TransactionHandles;

/**
 * Idempotency-Key, for every use case that honours one (enrollments, adjustments): the key is claimed first, in the
 * use case's own transaction, before anything else is written. A retry finds it taken and repeats the first answer;
 * a concurrent twin waits on the key's index entry until the first commits (then repeats it) or rolls back (then
 * claims it itself). A refused request keeps nothing, key included, so its retry is decided afresh.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** What the first request with the key left: its plan, and the answer it kept for retries (null if none). */
    public record First(UUID planId, String result) {
    }

    private final PlanDao plans;
    private final Clock clock;

    public IdempotencyKeys(TransactionHandles handles, Clock clock) {
        this.plans = handles.onDemand(PlanDao.class);
        this.clock = clock;
    }

    /**
     * Claims {@code key} for a request with this {@code fingerprint} about {@code planId}: empty when this request is
     * the first to use it and goes on; otherwise what the first one left.
     *
     * @throws Refusal.IdempotencyKeyReused when the key was first used for a request with another fingerprint
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<First> claim(String key, String fingerprint, UUID planId) {
        if (plans.claimIdempotencyKey(key, fingerprint, planId, clock.instant()) == 1) {
            return Optional.empty();
        }
        PlanDao.IdempotencyKey first = plans.findIdempotencyKey(key).orElseThrow();
        if (!first.requestHash().equals(fingerprint)) {
            throw new Refusal.IdempotencyKeyReused();
        }
        return Optional.of(new First(first.planId(), first.result()));
    }

    /** Keeps the answer of the request that claimed {@code key}, for its retries. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String key, String result) {
        plans.rememberResult(key, result);
    }
}
