package dev.wellplan.planner.access.api;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.wellplan.support.access.AccessRules;
import dev.wellplan.support.links.LinkTokens;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every planner route's access rule, enforced; what coaches and admins did, audited (docs/access.md). The rules
 * ask the planner's plans whose plan it is ({@code PlanOwnership}) and write to {@code planner.audit} ({@code AuditLog}).
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
