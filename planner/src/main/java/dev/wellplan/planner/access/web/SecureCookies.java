package dev.wellplan.planner.access.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.impl.ServerCookie;

/**
 * Marks every cookie the planner sets (the coach's session, the sign-in's return address, the pages' CSRF token)
 * {@code Secure}, so a browser never sends it over plain HTTP. Quarkus marks its form sign-in cookie Secure only when
 * this process itself speaks TLS ({@code request.isSSL()}), which it does not behind a TLS-terminating proxy; so
 * outside the local and test profiles (plain http://localhost) this filter does it for every response.
 */
@ApplicationScoped
public class SecureCookies {

    /**
     * Runs before every other route (a filter's order is minus its priority), the form sign-in's handler of
     * {@code /j_security_check} included, so its hook is in place whichever handler answers.
     */
    static final int PRIORITY = Integer.MAX_VALUE - 1000;

    void register(@Observes Filters filters,
                  @ConfigProperty(name = "wellplan.pages.secure-cookies", defaultValue = "true") boolean secure) {
        if (!secure) {
            return;
        }
        filters.register(rc -> {
            // runs after the handlers added their cookies and before Vert.x writes them as Set-Cookie headers
            rc.addHeadersEndHandler(ended -> {
                // the jar holds the request's cookies too; only those this response sets are touched (a request's
                // own cookie marked changed would be echoed back)
                for (Cookie cookie : rc.request().cookies()) {
                    if (cookie instanceof ServerCookie set && !set.isFromUserAgent()) {
                        cookie.setSecure(true);
                    }
                }
            });
            rc.next();
        }, PRIORITY);
    }
}
