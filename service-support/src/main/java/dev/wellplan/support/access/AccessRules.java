package dev.wellplan.support.access;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import dev.wellplan.calendar.SignedLinks;
import dev.wellplan.support.links.LinkTokens;
import dev.wellplan.support.problem.ProblemException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * The {@link Access} rule of every route, enforced before it runs, and what coaches and admins did, appended to
 * the audit log after: each service's access filter hands its requests here; each service has one bean of
 * {@link PlanOwners} and one of {@link AccessAudit}, answered from its own tables. Refusals, chosen once for both services (docs/access.md): no credentials 401; a client link
 * that is forged, expired or for another plan or purpose 403; a signed-in caller whose role the route does not
 * admit 403; a coach asking for a plan that is not theirs (nor in the pool, where the route admits the pool)
 * 404, as if it did not exist, so the refusal tells no one which plans exist.
 */
@Singleton
public class AccessRules {

    private static final Logger LOG = Logger.getLogger(AccessRules.class);
    private static final String GRANTED = "wellplan.access.granted";
    private static final Set<Caller> PLAN_SCOPED = EnumSet.of(Caller.PLAN_CLIENT, Caller.ASSIGNED_COACH,
            Caller.POOL_COACH);

    /** Who was let in, for the audit record the response filter writes. */
    private record Granted(String actorId, String role, String action, UUID planId) {
    }

    private final PlanOwners owners;
    private final LinkTokens links;
    private final AccessAudit audit;
    private final Clock clock;

    public AccessRules(PlanOwners owners, LinkTokens links, AccessAudit audit, Clock clock) {
        this.owners = owners;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    /** Lets the request on, or throws the refusal (a {@link ProblemException} or {@link UnauthorizedException}). */
    public void check(ResourceInfo resource, UriInfo uri, ContainerRequestContext request, SecurityIdentity identity) {
        Method method = resource.getResourceMethod();
        Access rule = method == null ? null : method.getAnnotation(Access.class);
        if (rule == null) {
            LOG.errorf("route %s has no access rule: refused", uri.getPath());
            throw new ProblemException(403, "Forbidden", "this route has no access rule", List.of());
        }
        Set<Caller> allowed = EnumSet.copyOf(List.of(rule.value()));
        if (allowed.contains(Caller.ANYONE)) {
            // open to all, but what a signed-in coach or admin does here (enroll a client) is theirs to answer for
            if (rule.audited() && request.getHeaderString("Authorization") != null && Callers.role(identity) != null) {
                grant(request, resource, identity, null);
            }
            return;
        }
        UUID planId = allowed.stream().anyMatch(PLAN_SCOPED::contains) ? planId(uri) : null;
        String token = uri.getQueryParameters().getFirst("token");
        if (token != null && allowed.contains(Caller.PLAN_CLIENT)) {
            checkLink(rule.link(), token, planId);
            return;
        }
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        String role = Callers.role(identity);
        String actor = Callers.id(identity);
        if (!admits(allowed, role, actor, planId)) {
            throw Callers.COACH.equals(role) && planId != null && (allowed.contains(Caller.ASSIGNED_COACH)
                    || allowed.contains(Caller.POOL_COACH)) ? notFound(planId) : forbidden(role);
        }
        if (rule.audited()) {
            grant(request, resource, identity, planId != null ? planId : auditedPlan(resource, uri));
        }
    }

    /** The plan an admin-only route under {@code /api/plans/{id}} (or a page under {@code /coach/plans/{id}}) acts on, for its audit record. */
    private static UUID auditedPlan(ResourceInfo resource, UriInfo uri) {
        if (!template(resource).contains("/plans/{id}")) {
            return null;
        }
        try {
            return UUID.fromString(uri.getPathParameters().getFirst("id"));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void grant(ContainerRequestContext request, ResourceInfo resource, SecurityIdentity identity,
                              UUID planId) {
        request.setProperty(GRANTED, new Granted(Callers.id(identity), Callers.role(identity),
                request.getMethod() + " " + template(resource), planId));
    }

    /** Appends the audit record of a request {@link #check} let a coach or admin make. */
    public void audit(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        if (request.getProperty(GRANTED) instanceof Granted g) {
            String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
            audit.record(g.actorId(), g.role(), g.action(), g.planId(), address, response.getStatus());
        }
    }

    private boolean admits(Set<Caller> allowed, String role, String actor, UUID planId) {
        if (Callers.ADMIN.equals(role)) {
            return allowed.contains(Caller.ADMIN);
        }
        if (!Callers.COACH.equals(role)) {
            return false;
        }
        if (allowed.contains(Caller.COACH)) {
            return true;
        }
        if (planId == null || !(allowed.contains(Caller.ASSIGNED_COACH) || allowed.contains(Caller.POOL_COACH))) {
            return false;
        }
        Optional<PlanOwners.Owner> owner = owners.owner(planId);
        return owner.isPresent() && (allowed.contains(Caller.ASSIGNED_COACH) && actor.equals(owner.get().coachId())
                || allowed.contains(Caller.POOL_COACH) && owner.get().pool());
    }

    private void checkLink(String purpose, String token, UUID planId) {
        SignedLinks.Check check = links.check(purpose, token, clock.instant());
        if (!check.valid() || !planId.toString().equals(check.subject())) {
            throw refusedLink(check);
        }
        checkSignOut(check, planId);
    }

    /**
     * The plan a client link of {@code purpose} opens, checked as a route's link is (signature, expiry, the purpose's
     * longest lifetime, the client's sign-out everywhere): for a page whose link carries its plan in the token alone,
     * such as {@code /check-in?token=…}.
     *
     * @throws ProblemException 403 for a link that is missing, forged, expired, signed out or names no plan; 404 for
     *                          a plan this service does not know
     */
    public UUID linkedPlan(String purpose, String token) {
        SignedLinks.Check check = links.check(purpose, token == null ? "" : token, clock.instant());
        UUID planId = null;
        if (check.valid()) {
            try {
                planId = UUID.fromString(check.subject());
            } catch (IllegalArgumentException e) {
                planId = null;
            }
        }
        if (planId == null) {
            throw refusedLink(check);
        }
        checkSignOut(check, planId);
        return planId;
    }

    private static ProblemException refusedLink(SignedLinks.Check check) {
        return new ProblemException(403, "Forbidden", check.verdict() == SignedLinks.Verdict.EXPIRED
                ? "this link has expired: ask for a fresh one (POST /api/access-links) or use your latest e-mail"
                : "this link is not valid for this plan: use the link from your latest wellplan e-mail", List.of());
    }

    private void checkSignOut(SignedLinks.Check check, UUID planId) {
        PlanOwners.Owner owner = owners.owner(planId).orElseThrow(() -> notFound(planId));
        if (owner.linksNotBefore() != null && check.issued().isBefore(owner.linksNotBefore())) {
            throw new ProblemException(403, "Forbidden", "this link was signed out: ask for a fresh one "
                    + "(POST /api/access-links)", List.of());
        }
    }

    private static UUID planId(UriInfo uri) {
        String id = uri.getPathParameters().getFirst("id");
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw notFound(id);
        }
    }

    private static ProblemException notFound(Object planId) {
        return new ProblemException(404, "Not Found", "plan " + planId + " does not exist", List.of());
    }

    private static ProblemException forbidden(String role) {
        return new ProblemException(403, "Forbidden", role == null ? "this route is for coaches and admins"
                : "a " + role + " may not do this", List.of());
    }

    /** The route as declared, e.g. {@code /api/plans/{id}/clearance}: what the audit log records, never an id. */
    static String template(ResourceInfo resource) {
        Path type = resource.getResourceClass().getAnnotation(Path.class);
        Path method = resource.getResourceMethod().getAnnotation(Path.class);
        String path = (type == null ? "" : type.value()) + (method == null ? "" : "/" + method.value());
        return path.replaceAll("/+", "/");
    }
}
