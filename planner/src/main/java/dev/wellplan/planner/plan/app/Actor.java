package dev.wellplan.planner.plan.app;

/**
 * Who makes a change: {@code name} as the plan's history shows it (a login), {@code id} as events and
 * assignments carry it (an account id or an identity provider's subject, never an address).
 */
public record Actor(String name, String id) {
}
