package dev.wellplan.planner.access.app;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.wellplan.contract.EmailAddresses;
import dev.wellplan.planner.access.identity.AccountChanged;
import dev.wellplan.planner.access.store.AccountDao;
import dev.wellplan.planner.access.store.AccountRow;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.rules.AssessmentRules;
import dev.wellplan.rules.Violation;
import dev.wellplan.support.TransactionHandles;
import io.quarkus.elytron.security.common.BcryptUtil;

/** Coach and admin accounts: an admin adds coaches, lists them, disables and enables them. */
@ApplicationScoped
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class);

    public static final String COACH = "coach";
    public static final String ADMIN = "admin";
    /** NIST SP 800-63B's floor for a chosen secret is 8; a coach reaches health data, so 12. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads 72 bytes of a password and ignores the rest: a longer one would be weaker than it looks. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final int MAX_NAME_LENGTH = 200;

    private final AccountDao accounts;
    private final Event<AccountChanged> changed;
    private final Clock clock;

    public Accounts(TransactionHandles handles, Event<AccountChanged> changed, Clock clock) {
        this.accounts = handles.onDemand(AccountDao.class);
        this.changed = changed;
        this.clock = clock;
    }

    /**
     * Adds a coach who signs in with their e-mail address.
     *
     * @throws Refusal.Invalid   naming each bad field
     * @throws Refusal.Conflict  when the address already has an account
     */
    @Transactional
    public AccountView addCoach(String email, String name, String password) {
        List<Violation> violations = new ArrayList<>();
        if (!AssessmentRules.isEmailAddress(email)) {
            violations.add(new Violation("email", "must be a valid e-mail address"));
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            violations.add(new Violation("name", "must be 1 to " + MAX_NAME_LENGTH + " characters"));
        }
        checkPassword(password, violations);
        if (!violations.isEmpty()) {
            throw new Refusal.Invalid(violations);
        }
        String login = EmailAddresses.normalize(email);
        return add(login, login, name.strip(), COACH, password)
                .orElseThrow(() -> new Refusal.Conflict("an account with this e-mail address exists"));
    }

    /**
     * Adds the installation's first admin, who signs in with their e-mail address, unless an account has that
     * address already (then nothing changes: a restart with the setting still present is harmless).
     *
     * @return the account added, or empty when it existed
     * @throws Refusal.Invalid naming each bad field
     */
    @Transactional
    public Optional<AccountView> addFirstAdmin(String email, String password) {
        List<Violation> violations = new ArrayList<>();
        if (!AssessmentRules.isEmailAddress(email)) {
            violations.add(new Violation("email", "must be a valid e-mail address"));
        }
        checkPassword(password, violations);
        if (!violations.isEmpty()) {
            throw new Refusal.Invalid(violations);
        }
        String login = EmailAddresses.normalize(email);
        return add(login, login, "Administrator", ADMIN, password);
    }

    /** Adds an account unless its login or address is taken; the local stack's seeds use it too. */
    Optional<AccountView> add(String login, String email, String name, String role, String password) {
        if (accounts.findByLogin(login).isPresent()) {
            // before the bcrypt hash (tens of milliseconds of CPU): the local stack seeds its accounts at every start
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        if (accounts.insert(id, login, email, name, role, BcryptUtil.bcryptHash(password), clock.instant()) == 0) {
            return Optional.empty();
        }
        LOG.infof("account %s added with role %s", id, role);
        return accounts.find(id).map(AccountView::of);
    }

    /** Whether {@code id} is the account id of a coach who may sign in: the only kind a plan can be assigned to. */
    public boolean isEnabledCoach(String id) {
        try {
            return accounts.find(UUID.fromString(id)).filter(a -> COACH.equals(a.role()) && !a.disabled()).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public List<AccountView> all() {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    /**
     * Disables (or enables again) an account. A disabled account cannot sign in, and its page sessions end: at once
     * on this instance, on the others within {@code wellplan.access.session-recheck} (sessions) and
     * {@code credential-cache} (HTTP Basic).
     */
    @Transactional
    public AccountView setDisabled(UUID id, boolean disabled) {
        AccountRow row = accounts.find(id).orElseThrow(() -> new Refusal.NotFound("account " + id));
        accounts.setDisabled(id, disabled);
        changed.fire(new AccountChanged(row.login()));
        LOG.infof("account %s %s", id, disabled ? "disabled" : "enabled");
        return accounts.find(id).map(AccountView::of).orElseThrow();
    }

    static void checkPassword(String password, List<Violation> violations) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            violations.add(new Violation("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            violations.add(new Violation("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes"));
        }
    }
}
