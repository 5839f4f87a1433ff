package dev.wellplan.planner.access.api;

import java.util.List;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.wellplan.planner.access.identity.AccessTokens;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import dev.wellplan.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/** A short-lived token for the notifier, for a coach or admin signed in here: one sign-in for both services. */
@Path("/api/auth/token")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    /** The token, to send as {@code Authorization: Bearer <token>}, and its lifetime in seconds (RFC 6749 style). */
    public record TokenAnswer(String token, String tokenType, long expiresIn) {
    }

    private final AccessTokens tokens;
    private final SecurityIdentity identity;

    public TokenResource(AccessTokens tokens, SecurityIdentity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    /** Not audited: it reads no plan; what the token is used for is audited where it is used. */
    @POST
    @Access(value = {Caller.COACH, Caller.ADMIN}, audited = false)
    public Response issue() {
        AccessTokens.Issued issued = tokens.issue(identity).orElseThrow(() -> new ProblemException(503,
                "Service Unavailable", "this planner issues no tokens: it has no signing key (wellplan.tokens.sign-key)",
                List.of()));
        // a token is a credential: no cache may keep it (RFC 6749, 5.1)
        return Response.ok(new TokenAnswer(issued.token(), "Bearer", issued.expiresIn().toSeconds()))
                .header("Cache-Control", "no-store").build();
    }
}
