package dev.wellplan.planner.alert.api;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.wellplan.planner.alert.app.Alerts;
import dev.wellplan.planner.plan.api.PlanResource;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import io.quarkus.security.identity.SecurityIdentity;

/** The plan's coach clears an alert they have handled by hand (a failed e-mail, a plan reviewed, a missed check-in). */
@Path("/api/plans/{id}/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class PlanAlertResource {

    private final Alerts alerts;
    private final SecurityIdentity identity;

    public PlanAlertResource(Alerts alerts, SecurityIdentity identity) {
        this.alerts = alerts;
        this.identity = identity;
    }

    /** 204; clearing an alert cleared already changes nothing. The pool's alerts are cleared once claimed. */
    @POST
    @Path("/{aid}/clear")
    @Access({Caller.ASSIGNED_COACH, Caller.ADMIN})
    public Response clear(@PathParam("id") String id, @PathParam("aid") String aid) {
        alerts.clearByHand(PlanResource.planId(id), aid, PlanResource.actor(identity));
        return Response.noContent().build();
    }
}
