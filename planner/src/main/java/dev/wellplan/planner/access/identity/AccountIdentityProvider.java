package dev.wellplan.planner.access.identity;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.wellplan.contract.EmailAddresses;
import dev.wellplan.planner.access.store.AccountDao;
import dev.wellplan.planner.access.store.AccountRow;
import dev.wellplan.support.TransactionHandles;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Signs coaches and admins in against {@code planner.account}, for HTTP Basic (API callers) and form sign-in
 * (the pages) alike: bcrypt hashes checked with Quarkus' own {@link BcryptUtil}, disabled accounts refused,
 * repeated failures throttled, and a verified password remembered for a minute so that Basic on every request
 * does not pay bcrypt every time. The identity's name is the login; its one role is the account's.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(AccountIdentityProvider.class);
    /** The attribute that carries the account's id, for audit records and assignments. */
    public static final String ACCOUNT_ID = "wellplan.account-id";
    /** Checked when no account matches, so that an unknown login takes as long as a wrong password. */
    private static final String NO_ACCOUNT_HASH = BcryptUtil.bcryptHash("no account has this password");

    private final AccountDao accounts;
    private final SignInThrottle throttle;
    private final VerifiedCredentials verified;
    private final Clock clock;

    public AccountIdentityProvider(TransactionHandles handles, SignInThrottle throttle, VerifiedCredentials verified,
                                   Clock clock) {
        this.accounts = handles.onDemand(AccountDao.class);
        this.throttle = throttle;
        this.verified = verified;
        this.clock = clock;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> signIn(EmailAddresses.normalize(request.getUsername()),
                request.getPassword().getPassword()));
    }

    private SecurityIdentity signIn(String login, char[] password) {
        SecurityIdentity known = verified.find(login, password);
        if (known != null) {
            return known;
        }
        throttle.check(login);
        Optional<AccountRow> account = accounts.findByLogin(login);
        String hash = account.map(AccountRow::passwordHash).orElse(NO_ACCOUNT_HASH);
        boolean matches = BcryptUtil.matches(new String(password), hash);
        if (account.isEmpty() || !matches || account.get().disabled()) {
            throttle.failed(login);
            LOG.debugf("sign-in refused: %s", account.isEmpty() ? "no such login"
                    : matches ? "account disabled" : "wrong password");
            throw new AuthenticationFailedException("sign-in refused");
        }
        throttle.succeeded(login);
        accounts.signedIn(account.get().id(), clock.instant());
        SecurityIdentity identity = identity(account.get());
        verified.remember(login, password, identity);
        return identity;
    }

    /** A signed-in account: its login as the name, its one role, its id for audit records and assignments. */
    static SecurityIdentity identity(AccountRow account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.login()))
                .addRole(account.role())
                .addAttribute(ACCOUNT_ID, account.id())
                .build();
    }
}
