package dev.wellplan.planner.access.identity;

/**
 * An account was disabled or enabled: what the sign-in paths remember of its login ({@link VerifiedCredentials}, the
 * sessions of {@link SessionIdentityProvider}) is dropped once the change has committed, so that no request reads
 * the account between the two and remembers it as it was.
 */
public record AccountChanged(String login) {
}
