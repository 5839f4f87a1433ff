package dev.wellplan.support.http;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.wellplan.support.problem.ProblemException;

/**
 * Keeps other sites from driving a signed-in coach's browser against a JSON route that changes state (cross-site
 * request forgery): such a request is refused with 403 when its {@code Origin} is not one of the service's own
 * ({@link AllowedOrigins}), and with 415 when it carries a body that is not {@code application/json}. A browser
 * sends a page's cross-site JSON only after a CORS preflight, which these services never grant; what it sends
 * without asking (a form post, {@code text/plain}) is what the 415 stops. A request without {@code Origin} is an API
 * client's and goes on. Both services run this one filter, before their access filters, so a forged request never
 * reaches sign-in.
 *
 * <p>A JSON route is a POST, PUT, PATCH or DELETE whose resource method consumes JSON or declares no media type.
 * Routes that consume forms (the notifier's preferences page, the RFC 8058 one-click unsubscribe) are not JSON
 * routes: a page's form post carries the page's own Origin, and HTML forms get CSRF tokens of their own.
 */
public class JsonRequestGuard {

    private static final Set<String> CHANGES_STATE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AllowedOrigins origins;

    public JsonRequestGuard(AllowedOrigins origins) {
        this.origins = origins;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void check(ResourceInfo resource, ContainerRequestContext request) {
        if (!CHANGES_STATE.contains(request.getMethod()) || !isJsonRoute(resource)) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        boolean foreign = origin != null ? !origins.allows(origin)
                : "cross-site".equals(request.getHeaderString("Sec-Fetch-Site"));
        if (foreign) {
            throw new ProblemException(403, "Forbidden",
                    "this request comes from another site's page; changes are accepted from this service's own "
                            + "pages and from API clients", List.of());
        }
        if (hasBody(request) && !isJson(request.getMediaType())) {
            throw new ProblemException(415, "Unsupported Media Type",
                    "send the request body as application/json", List.of());
        }
    }

    static boolean isJsonRoute(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                : resource.getResourceClass().getAnnotation(Consumes.class);
        return consumes == null || Arrays.stream(consumes.value())
                .flatMap(types -> Arrays.stream(types.split(",")))
                .anyMatch(type -> isJson(MediaType.valueOf(type.strip())));
    }

    private static boolean hasBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null
                || request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null && request.getLength() != 0;
    }

    /** {@code application/json} or a {@code +json} type, any parameters: what needs a CORS preflight cross-site. */
    static boolean isJson(MediaType type) {
        return type != null && !type.isWildcardType() && !type.isWildcardSubtype()
                && "application".equals(type.getType())
                && (MediaType.APPLICATION_JSON_TYPE.getSubtype().equals(type.getSubtype())
                        || type.getSubtype().endsWith("+json"));
    }
}
