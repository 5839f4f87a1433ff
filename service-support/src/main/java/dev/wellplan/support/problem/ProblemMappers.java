package dev.wellplan.support.problem;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.wellplan.support.access.SignInConfig;
import io.quarkus.security.AuthenticationFailedException;

/**
 * Every error of either service leaves as {@code application/problem+json}, mapped here and only here:
 * an API layer throws a {@link ProblemException} (or maps its use cases' refusals to one). Unexpected
 * failures are logged with their type only (a message could carry request data) and answered without
 * internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /**
     * The attribute (a {@link Duration}) of an {@link AuthenticationFailedException} refused because of too many
     * attempts: answered 429 with Retry-After, not the 401 that would invite another guess.
     */
    public static final String RETRY_AFTER = "wellplan.retry-after";

    private final List<String> challenges;
    private final SignInConfig signIn;

    public ProblemMappers(SignInConfig signIn) {
        this.challenges = List.copyOf(signIn.challenges());
        this.signIn = signIn;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem(type(e.status()), e.title(), e.status(), e.getMessage(), uri.getPath(), e.errors(),
                e.extensions()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(new Problem(type(status), title, status, title, uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        if (signIn.formErrorPage().isPresent() && uri.getPath().equals(signIn.formPostLocation())) {
            // a person at the sign-in form: back to it, with one answer for a wrong password, an unknown or disabled
            // login and a throttled one alike
            return Response.status(Response.Status.FOUND).location(URI.create(signIn.formErrorPage().get())).build();
        }
        Duration retryAfter = e.getAttribute(RETRY_AFTER);
        if (retryAfter == null) {
            return unauthorized(e, uri);
        }
        long seconds = Math.max(1, retryAfter.toSeconds());
        return Response.fromResponse(respond(new Problem(type(429), "Too Many Requests", 429,
                        "too many failed sign-ins: try again in " + seconds + " seconds", uri.getPath(), List.of())))
                .header("Retry-After", String.valueOf(seconds)).build();
    }

    /** 401 with the service's own challenges: Basic on the planner, Bearer on the notifier ({@link SignInConfig}). */
    @ServerExceptionMapper(io.quarkus.security.UnauthorizedException.class)
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        Response.ResponseBuilder answer = Response.fromResponse(respond(new Problem(type(401), "Unauthorized", 401,
                "sign in as a coach or admin", uri.getPath(), List.of())));
        challenges.forEach(challenge -> answer.header("WWW-Authenticate", challenge));
        return answer.build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(new Problem(type(403), "Forbidden", 403, "only a coach or admin may do this", uri.getPath(),
                List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.errorf("unexpected %s on %s", e.getClass().getName(), uri.getPath());
        LOG.debug("unexpected failure", e);
        return respond(new Problem(type(500), "Internal error", 500,
                "the request failed unexpectedly; nothing was changed", uri.getPath(), List.of()));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String type(int status) {
        return "about:blank"; // RFC 9457: the title is the HTTP status phrase, detail and errors say more
    }
}
