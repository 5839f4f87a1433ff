package dev.wellplan.notifier;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;

/**
 * A JSON route that changes state, in the tests only: the notifier has none of its own yet, and CrossSiteRequestTest
 * shows that the notifier runs the shared request guard on the first one it gets. Hidden from the OpenAPI document,
 * so it is no route of the notifier's API.
 */
@Path("/api/test/state-change")
public class GuardedTestResource {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Caller.ANYONE, audited = false)
    @Operation(hidden = true)
    public Response change(Map<String, Object> body) {
        return Response.noContent().build();
    }
}
