package dev.wellplan.notifier.access;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.wellplan.support.access.AccessRules;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every notifier route's access rule, enforced as on the planner (docs/access.md); the rules ask the applied plans
 * whose plan it is ({@link AppliedPlanOwners}) and write to {@code notifier.audit} ({@link NotifierAudit}).
 */
public class AccessFilter {

    private final AccessRules rules;
    private final SecurityIdentity identity;

    public AccessFilter(AccessRules rules, SecurityIdentity identity) {
        this.rules = rules;
        this.identity = identity;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void check(ResourceInfo resource, UriInfo uri, ContainerRequestContext request) {
        rules.check(resource, uri, request, identity);
    }

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        rules.audit(request, response, http);
    }
}
