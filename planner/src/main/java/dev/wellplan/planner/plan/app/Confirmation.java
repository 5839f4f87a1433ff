package dev.wellplan.planner.plan.app;

import dev.wellplan.rules.Plan;

/**
 * Whether a plan's client has confirmed it. An enrollment sends one e-mail, the request to confirm, and nothing
 * else until the client does: only then do the plan rules' status (ACTIVE or AWAITING_CLEARANCE) and the welcome
 * and reminders apply. One not confirmed within {@code wellplan.links.confirm-lifetime} expires.
 */
public enum Confirmation {
    PENDING, CONFIRMED, EXPIRED;

    /** The status the plan shows, in its view, the roster and its events ({@code plan} only matters once confirmed). */
    public String status(Plan plan) {
        return switch (this) {
            case PENDING -> "PENDING_CONFIRMATION";
            case EXPIRED -> "EXPIRED";
            case CONFIRMED -> plan.status().name();
        };
    }
}
