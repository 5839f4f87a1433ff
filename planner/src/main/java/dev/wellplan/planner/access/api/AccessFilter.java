package dev.wellplan.planner.access.api;

import java.util.List;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.wellplan.planner.access.web.PageAnswers;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.AccessRules;
import dev.wellplan.support.access.Caller;
import dev.wellplan.support.problem.ProblemException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every planner route's access rule, enforced; what coaches and admins did, audited (docs/access.md). The rules
 * ask the planner's plans whose plan it is ({@code PlanOwnership}) and write to {@code planner.audit} ({@code AuditLog}).
 * The API answers a refusal with a problem; a page answers it in words, and sends a signed-out coach to sign in.
 */
public class AccessFilter {

    private final AccessRules rules;
    private final SecurityIdentity identity;

    public AccessFilter(AccessRules rules, SecurityIdentity identity) {
        this.rules = rules;
        this.identity = identity;
    }

    /** Null lets the request on; a page's refusal is answered here, an API's is thrown to the problem mappers. */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Response check(ResourceInfo resource, UriInfo uri, ContainerRequestContext request) {
        if (!PageAnswers.isPage(resource)) {
            rules.check(resource, uri, request, identity);
            return null;
        }
        try {
            rules.check(resource, uri, request, identity);
            return null;
        } catch (UnauthorizedException signedOut) {
            return forClients(resource) ? PageAnswers.linkNeeded() : PageAnswers.signIn();
        } catch (ProblemException refused) {
            return PageAnswers.of(refused);
        }
    }

    /** A page its client opens by link (and a coach by signing in): a signed-out visitor is told about the link. */
    private static boolean forClients(ResourceInfo resource) {
        Access rule = resource.getResourceMethod().getAnnotation(Access.class);
        return rule != null && List.of(rule.value()).contains(Caller.PLAN_CLIENT);
    }

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        rules.audit(request, response, http);
    }
}
