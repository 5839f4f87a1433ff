package dev.wellplan.planner.plan.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.wellplan.planner.plan.app.AdjustmentResult;
import dev.wellplan.planner.plan.app.Adjustments;
import dev.wellplan.planner.refusal.RefusalProblems;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import io.quarkus.security.identity.SecurityIdentity;

/** {@code POST /api/plans/{id}/adjustments}: a coach's operations on a plan, previewed or applied. */
@Path("/api/plans/{id}/adjustments")
@Produces(MediaType.APPLICATION_JSON)
public class AdjustmentResource {

    private final AdjustmentReader reader;
    private final Adjustments adjustments;
    private final SecurityIdentity identity;

    public AdjustmentResource(AdjustmentReader reader, Adjustments adjustments, SecurityIdentity identity) {
        this.reader = reader;
        this.adjustments = adjustments;
        this.identity = identity;
    }

    /**
     * Adjusts the plan the caller read ({@code If-Match}: its ETag; 428 without, 412 with the current version when
     * it changed meanwhile): applied, 200 with the new version and its ETag; or with {@code "dryRun": true}, 200 with
     * the plan as it would be, the item changes, the reminders and calendar events that would change, and nothing
     * stored. An Idempotency-Key makes a retry of an applied adjustment get the first answer again. The plan's coach
     * or an admin only; a pool plan is claimed first.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access({Caller.ASSIGNED_COACH, Caller.ADMIN})
    public Response adjust(@PathParam("id") String id, String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @HeaderParam(RefusalProblems.IDEMPOTENCY_KEY) String idempotencyKey) {
        var planId = PlanResource.planId(id);
        long expectedVersion = RequestHeaders.expectedVersion(ifMatch);
        var key = RequestHeaders.idempotencyKey(idempotencyKey);
        AdjustmentResult result = adjustments.adjust(planId, expectedVersion, reader.read(body),
                PlanResource.actor(identity), key);
        if (result instanceof AdjustmentResult.Applied applied) {
            return RequestHeaders.replayed(Response.ok(applied.plan()).tag(PlanResource.etag(applied.plan())),
                    applied.replayed()).build();
        }
        // a preview leaves the plan at the version it was asked of
        return Response.ok(result).tag(new EntityTag(String.valueOf(expectedVersion))).build();
    }
}
