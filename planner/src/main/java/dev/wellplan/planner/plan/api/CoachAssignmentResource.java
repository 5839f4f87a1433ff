package dev.wellplan.planner.plan.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.wellplan.planner.plan.app.Assignments;
import dev.wellplan.planner.plan.app.PlanView;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import io.quarkus.security.identity.SecurityIdentity;

/** An admin assigns a plan to a coach, reassigns it, or returns it to the pool ({@code {"coachId": null}}). */
@Path("/api/plans/{id}/coach")
@Produces(MediaType.APPLICATION_JSON)
public class CoachAssignmentResource {

    /** The coach's account id, or null for the clinic's unassigned pool. */
    public record Assignment(String coachId) {
    }

    private final Assignments assignments;
    private final SecurityIdentity identity;

    public CoachAssignmentResource(Assignments assignments, SecurityIdentity identity) {
        this.assignments = assignments;
        this.identity = identity;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Caller.ADMIN)
    public Response assign(@PathParam("id") String id, Assignment assignment) {
        if (assignment == null) {
            throw Refusal.Invalid.of("coachId", "is required (null returns the plan to the unassigned pool)");
        }
        PlanView plan = assignments.assign(PlanResource.planId(id), assignment.coachId(), PlanResource.actor(identity));
        return Response.ok(plan).tag(PlanResource.etag(plan)).build();
    }
}
