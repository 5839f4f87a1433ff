package dev.wellplan.planner.alert.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.wellplan.planner.access.web.PageAnswers;
import dev.wellplan.planner.alert.app.Alerts;
import dev.wellplan.planner.plan.api.PlanResource;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import io.quarkus.security.identity.SecurityIdentity;

/** The roster's "Clear" button on an alert the coach handled by hand; back to the roster after. */
@Path("/coach/plans/{id}/alerts")
@Produces(MediaType.TEXT_HTML)
public class AlertPage {

    private final Alerts alerts;
    private final SecurityIdentity identity;

    public AlertPage(Alerts alerts, SecurityIdentity identity) {
        this.alerts = alerts;
        this.identity = identity;
    }

    @POST
    @Path("/{aid}/clear")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access({Caller.ASSIGNED_COACH, Caller.ADMIN})
    public Response clear(@PathParam("id") String id, @PathParam("aid") String aid) {
        alerts.clearByHand(PlanResource.planId(id), aid, PlanResource.actor(identity));
        return PageAnswers.seeOther("/coach/roster#alerts");
    }

    @ServerExceptionMapper
    public Response refused(Refusal refusal) {
        return PageAnswers.of(refusal);
    }
}
