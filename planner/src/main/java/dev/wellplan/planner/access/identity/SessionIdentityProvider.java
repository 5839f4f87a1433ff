package dev.wellplan.planner.access.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;


import dev.wellplan.planner.access.AccessConfig;
import dev.wellplan.planner.access.store.AccountDao;
import dev.wellplan.support.TransactionHandles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * The coach behind a page session: the form sign-in's encrypted cookie names a login that signed in with its password
 * earlier (Quarkus hands it over as a trusted request). The account read is remembered for
 * {@code wellplan.access.session-recheck} (5 s), so that a coach browsing does not cost a database read per page:
 * disabling an account signs its sessions out at once on the instance that disabled it, and within that time on the
 * others. An unknown or disabled account is never remembered.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final AccountDao accounts;
    private final RecentLogins<SecurityIdentity> signedIn;

    public SessionIdentityProvider(TransactionHandles handles, AccessConfig config) {
        this.accounts = handles.onDemand(AccountDao.class);
        this.signedIn = new RecentLogins<>(config.sessionRecheck());
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String login = request.getPrincipal();
        SecurityIdentity known = signedIn.find(login);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return context.runBlocking(() -> {
            SecurityIdentity identity = accounts.findByLogin(login)
                    .filter(account -> !account.disabled())
                    .map(AccountIdentityProvider::identity)
                    .orElseThrow(() -> new AuthenticationFailedException("session of an unknown or disabled account"));
            signedIn.remember(login, identity);
            return identity;
        });
    }

    /** A disabled (or enabled) account's sessions are read again from its next request, once the change committed. */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged changed) {
        signedIn.forget(changed.login());
    }
}
