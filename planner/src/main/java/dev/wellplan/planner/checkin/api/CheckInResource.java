package dev.wellplan.planner.checkin.api;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.wellplan.planner.checkin.app.CheckInQueries;
import dev.wellplan.planner.checkin.app.CheckIns;
import dev.wellplan.planner.plan.api.PlanResource;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import dev.wellplan.support.links.LinkTokens;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A check-in on the plan: by its client, with the signed {@code check-in} link of their +24 h and +48 h e-mails (the
 * {@code token} query parameter), or by the plan's coach or an admin recording it for them.
 */
@Path("/api/plans/{id}/check-ins")
@Produces(MediaType.APPLICATION_JSON)
public class CheckInResource {

    private final CheckInReader reader;
    private final CheckIns checkIns;
    private final CheckInQueries queries;
    private final SecurityIdentity identity;

    public CheckInResource(CheckInReader reader, CheckIns checkIns, CheckInQueries queries, SecurityIdentity identity) {
        this.reader = reader;
        this.checkIns = checkIns;
        this.queries = queries;
        this.identity = identity;
    }

    /**
     * Records {@code {"itemId", "soreness", "pain", "redFlags", "note"}}: 201 with what it set off. A red flag puts
     * an active plan back behind the safety gate at once ({@code planStatus} {@code AWAITING_CLEARANCE}, and
     * {@code urgency} says how soon to see a doctor); soreness 48 hours after a session proposes a lighter next one
     * to the coach.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = {Caller.PLAN_CLIENT, Caller.ASSIGNED_COACH, Caller.ADMIN}, link = LinkTokens.CHECK_IN)
    public Response record(@PathParam("id") String id, @QueryParam("token") String token, String body) {
        CheckIns.Answer answer = reader.read(body);
        // the access rules let a link in only for this plan; without one, the caller is the coach or an admin
        CheckIns.Receipt receipt = checkIns.record(PlanResource.planId(id),
                token != null ? CheckIns.CLIENT : PlanResource.actor(identity), answer);
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }

    /** The plan's check-ins, oldest first, answers and notes included: for its coach (and the pool's, to decide). */
    @GET
    @Access({Caller.ASSIGNED_COACH, Caller.POOL_COACH, Caller.ADMIN})
    public List<CheckInQueries.CheckIn> list(@PathParam("id") String id) {
        return queries.of(PlanResource.planId(id));
    }
}
