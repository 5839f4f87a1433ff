package dev.wellplan.support.access;

import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotEmpty;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service tells a caller without credentials to sign in, under {@code wellplan.sign-in}. */
@ConfigMapping(prefix = "wellplan.sign-in")
public interface SignInConfig {

    /**
     * The challenges of a 401 answer, one {@code WWW-Authenticate} header each (RFC 9110): the schemes this service
     * accepts. The planner takes HTTP Basic (and Bearer too once an OIDC provider is switched on); the notifier takes
     * Bearer tokens only.
     */
    @WithDefault("Basic realm=\"wellplan\"")
    @NotEmpty
    List<String> challenges();

    /**
     * Where a refused form sign-in is sent back to (the planner's pages: {@code /sign-in?failed=true}), rather than
     * answered with a problem a browser would show as text. Unset where there is no form sign-in (the notifier).
     */
    Optional<String> formErrorPage();

    /** The path the sign-in form posts to: Quarkus' {@code quarkus.http.auth.form.post-location}. */
    @WithDefault("/j_security_check")
    String formPostLocation();
}
