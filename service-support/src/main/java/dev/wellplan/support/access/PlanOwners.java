package dev.wellplan.support.access;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Whose plan is it: each service answers from its own data (the planner from its plans, the notifier from the
 * snapshots the plan events carried), so neither reads the other's tables.
 */
public interface PlanOwners {

    /**
     * A known plan, assigned to {@code coachId}, or to no one (null: the unassigned pool); its client's links issued
     * before {@code linksNotBefore} (their "sign out everywhere"; null when never) are refused.
     */
    record Owner(String coachId, Instant linksNotBefore) {
        public Owner(String coachId) {
            this(coachId, null);
        }

        public boolean pool() {
            return coachId == null;
        }
    }

    /** The plan's owner, or empty when this service knows no such plan. */
    Optional<Owner> owner(UUID planId);
}
