package dev.wellplan.planner.alert.web;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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
import dev.wellplan.planner.plan.web.CoachPlanPage;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The "Clear" button on an alert the coach handled by hand, on the roster and on the plan's page; back to the page it
 * was pressed on ({@code back=plan}: the plan's, which says so; otherwise the roster).
 */
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
    public Response clear(@PathParam("id") String id, @PathParam("aid") String aid, @FormParam("back") String back) {
        UUID planId = PlanResource.planId(id);
        alerts.clearByHand(planId, aid, PlanResource.actor(identity));
        return PageAnswers.seeOther("plan".equals(back) ? CoachPlanPage.done(planId, "alert-cleared")
                : "/coach/roster#alerts");
    }

    @ServerExceptionMapper
    public Response refused(Refusal refusal) {
        return PageAnswers.of(refusal);
    }
}
