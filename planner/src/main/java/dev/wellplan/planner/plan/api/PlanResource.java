package dev.wellplan.planner.plan.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import dev.wellplan.planner.calendar.CalendarFeed;
import dev.wellplan.planner.plan.app.Clearances;
import dev.wellplan.planner.plan.app.HistoryEntry;
import dev.wellplan.planner.plan.app.PlanQueries;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.planner.plan.app.PlanView;
import dev.wellplan.support.problem.ProblemException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Everything under {@code /api/plans/{id}}. One class holds the prefix because JAX-RS picks a
 * resource class by path before it looks at methods: two classes sharing it would hide each other.
 */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    /** A clearance note; optional, at most {@value Clearances#MAX_NOTE_LENGTH} characters. */
    public record ClearanceRequest(String note) {
    }

    private final PlanQueries queries;
    private final Clearances clearances;
    private final CalendarFeed calendars;

    public PlanResource(PlanQueries queries, Clearances clearances, CalendarFeed calendars) {
        this.queries = queries;
        this.clearances = clearances;
        this.calendars = calendars;
    }

    /** The plan's newest version; its ETag is the version. */
    @GET
    @Path("/{id}")
    public Response plan(@PathParam("id") String id) {
        PlanView plan = queries.plan(planId(id));
        return Response.ok(plan).tag(etag(plan)).build();
    }

    /** SAFE-3: a coach records medical clearance; the plan becomes ACTIVE with massage sessions from today. */
    @POST
    @Path("/{id}/clearance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"coach", "admin"})
    public Response clear(@PathParam("id") String id, ClearanceRequest request, @Context SecurityContext security) {
        String note = request == null ? null : request.note();
        PlanView plan = clearances.record(planId(id), security.getUserPrincipal().getName(), note);
        return Response.ok(plan).tag(etag(plan)).build();
    }

    /** Every version of the plan: who changed it, when and why. */
    @GET
    @Path("/{id}/history")
    @RolesAllowed({"coach", "admin"})
    public List<HistoryEntry> history(@PathParam("id") String id) {
        return queries.history(planId(id));
    }

    /**
     * The plan's newest version as an RFC 5545 calendar feed: for the client through the signed link
     * of their welcome e-mail ({@code token}), or for a coach or admin. Stable UIDs, SEQUENCE = version.
     */
    @GET
    @Path("/{id}/calendar.ics")
    @Produces(CalendarFeed.MEDIA_TYPE)
    public Response calendar(@PathParam("id") String id, @QueryParam("token") String token,
                             @Context SecurityContext security, @Context Request request) {
        UUID planId = planId(id);
        if (!security.isUserInRole("coach") && !security.isUserInRole("admin")) {
            if (token == null || token.isBlank()) {
                throw security.getUserPrincipal() == null ? new UnauthorizedException() : new ForbiddenException();
            }
            if (!calendars.opens(token, planId)) {
                throw new ProblemException(403, "Forbidden", "this calendar link is not valid for plan " + id
                        + " or has expired: use the link from your latest wellplan e-mail", List.of());
            }
        }
        CalendarFeed.Feed feed = calendars.feed(planId).orElseThrow(() -> Refusal.NotFound.plan(id));
        EntityTag tag = new EntityTag(String.valueOf(feed.version()));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.build(); // 304: calendar apps poll, most polls find the same version
        }
        return Response.ok(feed.ics(), CalendarFeed.MEDIA_TYPE).tag(tag)
                .header("Cache-Control", "private, no-cache").header("Referrer-Policy", "no-referrer").build();
    }

    static EntityTag etag(PlanView plan) {
        return new EntityTag(String.valueOf(plan.version()));
    }

    /** A malformed id names no plan: 404, like an unknown one. */
    static UUID planId(String id) {
        return parseId(id).orElseThrow(() -> Refusal.NotFound.plan(id));
    }

    static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
