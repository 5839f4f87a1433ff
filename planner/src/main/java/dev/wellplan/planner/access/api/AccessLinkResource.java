package dev.wellplan.planner.access.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.wellplan.planner.plan.app.AccessLinks;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import io.vertx.core.http.HttpServerRequest;

/** {@code POST /api/access-links {"email"}}: fresh client links by e-mail. Always 202, whether or not the address has a plan. */
@Path("/api/access-links")
@Produces(MediaType.APPLICATION_JSON)
public class AccessLinkResource {

    /** The address to send fresh links to, if it has a plan. */
    public record Request(String email) {
    }

    /** What every accepted request hears, so the answer tells nobody whether the address has a plan. */
    public record Accepted(String message) {
    }

    private static final Accepted ACCEPTED = new Accepted(
            "If this address has a wellplan plan, fresh links are on their way to it.");

    private final AccessLinks links;

    public AccessLinkResource(AccessLinks links) {
        this.links = links;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Caller.ANYONE, audited = false)
    public Response request(Request request, @Context HttpServerRequest http) {
        if (request == null) {
            throw Refusal.Invalid.of("email", "is required");
        }
        links.request(request.email(), http.remoteAddress() == null ? null : http.remoteAddress().hostAddress());
        return Response.accepted(ACCEPTED).build();
    }
}
