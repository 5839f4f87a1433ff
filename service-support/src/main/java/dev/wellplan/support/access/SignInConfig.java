package dev.wellplan.support.access;

import java.util.List;

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
}
