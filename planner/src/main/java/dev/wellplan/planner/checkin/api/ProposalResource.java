package dev.wellplan.planner.checkin.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.wellplan.planner.checkin.app.Proposals;
import dev.wellplan.planner.plan.api.PlanResource;
import dev.wellplan.planner.plan.api.RequestHeaders;
import dev.wellplan.planner.plan.app.PlanView;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * AFT-3's proposals, decided by the plan's coach: accepted, the next session one pressure step lighter becomes an
 * ordinary adjustment of the plan at the version the coach read ({@code If-Match}); or dismissed.
 */
@Path("/api/plans/{id}/proposals")
@Produces(MediaType.APPLICATION_JSON)
public class ProposalResource {

    private final Proposals proposals;
    private final SecurityIdentity identity;

    public ProposalResource(Proposals proposals, SecurityIdentity identity) {
        this.proposals = proposals;
        this.identity = identity;
    }

    /** 200 with the plan's new version (its ETag); 428 without If-Match, 412 when the plan moved on since. */
    @POST
    @Path("/{pid}/accept")
    @Access({Caller.ASSIGNED_COACH, Caller.ADMIN})
    public Response accept(@PathParam("id") String id, @PathParam("pid") String pid,
                           @HeaderParam("If-Match") String ifMatch) {
        PlanView plan = proposals.accept(PlanResource.planId(id), pid, RequestHeaders.expectedVersion(ifMatch),
                PlanResource.actor(identity));
        return Response.ok(plan).tag(PlanResource.etag(plan)).build();
    }

    /** 200 with the proposal, dismissed; the plan is unchanged. */
    @POST
    @Path("/{pid}/dismiss")
    @Access({Caller.ASSIGNED_COACH, Caller.ADMIN})
    public Proposals.Proposal dismiss(@PathParam("id") String id, @PathParam("pid") String pid) {
        return proposals.dismiss(PlanResource.planId(id), pid, PlanResource.actor(identity));
    }
}
