package dev.wellplan.planner.plan.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.wellplan.planner.plan.app.Enrollments;
import dev.wellplan.planner.refusal.RefusalProblems;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import dev.wellplan.support.access.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

@Path("/api/enrollments")
@Produces(MediaType.APPLICATION_JSON)
public class EnrollmentResource {

    private final EnrollmentReader reader;
    private final Enrollments enrollments;
    private final SecurityIdentity identity;

    public EnrollmentResource(EnrollmentReader reader, Enrollments enrollments, SecurityIdentity identity) {
        this.reader = reader;
        this.enrollments = enrollments;
        this.identity = identity;
    }

    /**
     * Enrolls a client: the assessment in, the plan out ({@code PENDING_CONFIRMATION} until its client confirms it
     * from the one e-mail it sends), at most once per Idempotency-Key. Open to anyone, within the limits per
     * address and per client IP address (429); a plan a signed-in coach enrolls is theirs, any other goes to the
     * clinic's unassigned pool.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Caller.ANYONE)
    public Response enroll(String body, @HeaderParam(RefusalProblems.IDEMPOTENCY_KEY) String idempotencyKey,
                           @HeaderParam("Authorization") String authorization, @Context HttpServerRequest http) {
        String key = RequestHeaders.idempotencyKey(idempotencyKey).orElse(null);
        String coachId = authorization != null && identity.hasRole(Callers.COACH) ? Callers.id(identity) : null;
        String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        Enrollments.Enrolled enrolled = enrollments.enroll(reader.read(body), key,
                new Enrollments.Requester(coachId, address));
        // product.md: the Location is the plan's path on this service, as the client will GET it
        Response.ResponseBuilder created = Response.status(Response.Status.CREATED)
                .header("Location", "/api/plans/" + enrolled.plan().id())
                .tag(PlanResource.etag(enrolled.plan()))
                .entity(enrolled.plan());
        return RequestHeaders.replayed(created, enrolled.replayed()).build();
    }
}
