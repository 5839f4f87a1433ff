package dev.wellplan.support.access;

import io.quarkus.security.identity.SecurityIdentity;

/** Who a signed-in caller is, the same way on both services whatever signed them in. */
public final class Callers {

    public static final String COACH = "coach";
    public static final String ADMIN = "admin";
    /** The attribute of an identity signed in against the planner's accounts that carries the account id. */
    public static final String ACCOUNT_ID = "wellplan.account-id";

    private Callers() {
    }

    /**
     * The id plans are assigned by: the account id for the planner's own accounts and the tokens it issues,
     * otherwise the identity's name (an identity provider's subject).
     */
    public static String id(SecurityIdentity identity) {
        Object account = identity.getAttribute(ACCOUNT_ID);
        return account != null ? account.toString() : identity.getPrincipal().getName();
    }

    /** {@code admin}, {@code coach}, or null for anyone else (a client, an anonymous caller). */
    public static String role(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return null;
        }
        return identity.hasRole(ADMIN) ? ADMIN : identity.hasRole(COACH) ? COACH : null;
    }
}
