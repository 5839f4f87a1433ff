package dev.wellplan.planner.plan.service;

import java.util.UUID;

/** An enrollment whose Idempotency-Key was already used: its own work is rolled back. */
public class IdempotentReplay extends RuntimeException {

    private final UUID planId;
    private final String requestHash;

    public IdempotentReplay(UUID planId, String requestHash) {
        super("idempotency key already used", null, false, false);
        this.planId = planId;
        this.requestHash = requestHash;
    }

    public UUID planId() {
        return planId;
    }

    public String requestHash() {
        return requestHash;
    }
}
