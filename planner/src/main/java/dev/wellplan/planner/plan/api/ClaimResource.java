package dev.wellplan.planner.plan.api;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.wellplan.planner.plan.app.Assignments;
import dev.wellplan.planner.plan.app.PlanView;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import io.quarkus.security.identity.SecurityIdentity;

/** A coach takes a plan from the clinic's unassigned pool. */
@Path("/api/plans/{id}/claim")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimResource {

    private final Assignments assignments;
    private final SecurityIdentity identity;

    public ClaimResource(Assignments assignments, SecurityIdentity identity) {
        this.assignments = assignments;
        this.identity = identity;
    }

    @POST
    @Access({Caller.POOL_COACH, Caller.ASSIGNED_COACH})
    public Response claim(@PathParam("id") String id) {
        PlanView plan = assignments.claim(PlanResource.planId(id), PlanResource.actor(identity));
        return Response.ok(plan).tag(PlanResource.etag(plan)).build();
    }
}
