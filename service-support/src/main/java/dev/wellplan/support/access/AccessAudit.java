package dev.wellplan.support.access;

import java.util.UUID;

/** Where a service appends what coaches and admins read and changed (who, when, what, which plan, from where). */
public interface AccessAudit {

    /**
     * @param actorId   the caller's account id or subject
     * @param actorRole {@code coach} or {@code admin}
     * @param action    the route, e.g. {@code GET /api/plans/{id}}
     * @param planId    the plan, or null for a route about no one plan
     * @param address   the caller's IP address
     * @param status    the HTTP status of the answer
     */
    void record(String actorId, String actorRole, String action, UUID planId, String address, int status);
}
