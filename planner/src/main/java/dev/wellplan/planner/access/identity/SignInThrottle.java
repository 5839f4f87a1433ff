package dev.wellplan.planner.access.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;


import dev.wellplan.planner.access.AccessConfig;
import dev.wellplan.planner.access.store.AccountDao;
import dev.wellplan.support.Digests;
import dev.wellplan.support.TransactionHandles;
import dev.wellplan.support.problem.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;

/**
 * Repeated wrong passwords: after {@code max-sign-in-failures} within {@code sign-in-window} a login is refused
 * until the oldest of them leaves the window. Failures live in the database, so every planner instance counts
 * the same ones; they are keyed by a hash of the login, so the table names no one, and unknown logins are
 * counted like known ones, so the throttle tells no one which logins exist.
 */
@ApplicationScoped
public class SignInThrottle {

    private final AccountDao accounts;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    public SignInThrottle(TransactionHandles handles, Clock clock, AccessConfig config) {
        this.accounts = handles.onDemand(AccountDao.class);
        this.clock = clock;
        this.maxFailures = config.maxSignInFailures();
        this.window = config.signInWindow();
    }

    /**
     * @throws AuthenticationFailedException carrying {@link ProblemMappers#RETRY_AFTER} (answered 429, not 401)
     *                                       when this login has failed too often lately
     */
    public void check(String login) {
        Instant now = clock.instant();
        List<Instant> failures = accounts.failuresSince(key(login), now.minus(window));
        if (failures.size() >= maxFailures) {
            Instant lifts = failures.get(failures.size() - maxFailures).plus(window);
            throw new AuthenticationFailedException("too many failed sign-ins for this login",
                    Map.of(ProblemMappers.RETRY_AFTER, Duration.between(now, lifts).plusSeconds(1)));
        }
    }

    public void failed(String login) {
        Instant now = clock.instant();
        accounts.recordFailure(key(login), now);
        accounts.forgetFailures(now.minus(window.multipliedBy(2)));
    }

    public void succeeded(String login) {
        accounts.clearFailures(key(login));
    }

    private static String key(String login) {
        return Digests.sha256Hex("wellplan-sign-in", login);
    }
}
