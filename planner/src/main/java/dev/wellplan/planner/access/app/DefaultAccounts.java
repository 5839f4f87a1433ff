package dev.wellplan.planner.access.app;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.wellplan.planner.access.AccessConfig;
import dev.wellplan.planner.access.store.AccountDao;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.TransactionHandles;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;

/**
 * The local stack's and the tests' accounts, with the passwords the README gives: seeded where
 * {@code wellplan.access.seed-local-accounts} is on (the {@code local} and {@code test} profiles), and refused
 * everywhere else: a planner whose database still opens an account with one of these passwords does not start.
 */
@ApplicationScoped
public class DefaultAccounts {

    private static final Logger LOG = Logger.getLogger(DefaultAccounts.class);

    /** login → password, published in the README: never valid outside the local stack and the tests. */
    static final Map<String, String> PASSWORDS = Map.of(Accounts.COACH, "coach-local", Accounts.ADMIN, "admin-local");

    void atStartup(@Observes StartupEvent started, AccessConfig config, Accounts accounts, TransactionHandles handles) {
        if (config.seedLocalAccounts()) {
            PASSWORDS.forEach((login, password) ->
                    accounts.add(login, login + "@wellplan.local", "Local " + login, login, password));
        } else {
            refuseKnownPasswords(handles.onDemand(AccountDao.class));
        }
        addFirstAdmin(config.firstAdmin(), accounts);
    }

    /**
     * Adds the first admin when {@code wellplan.access.first-admin.*} names one that does not exist yet.
     *
     * @throws IllegalStateException when only one of the two settings is given, or a value is not acceptable: the
     *                               planner does not start half-configured
     */
    public static void addFirstAdmin(AccessConfig.FirstAdmin firstAdmin, Accounts accounts) {
        if (firstAdmin.email().isEmpty() && firstAdmin.password().isEmpty()) {
            return;
        }
        if (firstAdmin.email().isEmpty() || firstAdmin.password().isEmpty()) {
            throw new IllegalStateException("set both WELLPLAN_ACCESS_FIRST_ADMIN_EMAIL and "
                    + "WELLPLAN_ACCESS_FIRST_ADMIN_PASSWORD, or neither");
        }
        try {
            accounts.addFirstAdmin(firstAdmin.email().get(), firstAdmin.password().get())
                    .ifPresent(admin -> LOG.infof("first admin account %s added from wellplan.access.first-admin; "
                            + "remove the setting now", admin.id()));
        } catch (Refusal.Invalid e) {
            throw new IllegalStateException("wellplan.access.first-admin: " + e.violations().stream()
                    .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")), e);
        }
    }

    /** @throws IllegalStateException when a published password still opens its account */
    public static void refuseKnownPasswords(AccountDao dao) {
        PASSWORDS.forEach((login, password) -> dao.findByLogin(login)
                .filter(account -> !account.disabled() && BcryptUtil.matches(password, account.passwordHash()))
                .ifPresent(account -> {
                    throw new IllegalStateException("the account '" + login + "' still has the published local "
                            + "password: disable it (POST /api/admin/coaches/{id}/disable) or give it another password "
                            + "before starting outside the local and test profiles");
                }));
    }
}
