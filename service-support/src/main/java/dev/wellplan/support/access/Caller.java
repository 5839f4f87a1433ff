package dev.wellplan.support.access;

/**
 * The kinds of caller an access rule names (the rule table of docs/access.md). Plan-scoped kinds refer to the
 * plan whose id is the route's {@code id} path parameter.
 */
public enum Caller {
    /** Anyone, signed in or not: enrollment, confirmation, a fresh link by e-mail. */
    ANYONE,
    /** The client of this plan, by a signed, unexpired link made for the route's purpose ({@link Access#link()}). */
    PLAN_CLIENT,
    /** The coach this plan is assigned to. */
    ASSIGNED_COACH,
    /** Any coach, while this plan is in the clinic's unassigned pool. */
    POOL_COACH,
    /** Any coach, on a route that is not about one plan (the roster). */
    COACH,
    /** An admin: every plan and the accounts. */
    ADMIN
}
