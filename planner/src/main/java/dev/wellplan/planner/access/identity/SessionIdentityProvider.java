package dev.wellplan.planner.access.identity;

import jakarta.enterprise.context.ApplicationScoped;

import org.jdbi.v3.core.Jdbi;

import dev.wellplan.planner.access.store.AccountDao;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * The coach behind a page session: the form sign-in's encrypted cookie names a login that signed in with its password
 * earlier (Quarkus hands it over as a trusted request). The account is read again on each request, so a disabled
 * account's sessions stop at once, on every planner instance.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final AccountDao accounts;

    public SessionIdentityProvider(Jdbi jdbi) {
        this.accounts = jdbi.onDemand(AccountDao.class);
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> accounts.findByLogin(request.getPrincipal())
                .filter(account -> !account.disabled())
                .map(AccountIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("session of an unknown or disabled account")));
    }
}
