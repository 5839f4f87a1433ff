package dev.wellplan.planner.access.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.wellplan.planner.access.app.AuditLog;
import dev.wellplan.planner.plan.api.PlanResource;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.AuditEntry;
import dev.wellplan.support.access.Caller;

/** Who read or changed a plan, for admins. */
@Path("/api/plans/{id}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @Access(Caller.ADMIN)
    public List<AuditEntry> audit(@PathParam("id") String id) {
        return audit.ofPlan(PlanResource.planId(id));
    }
}
