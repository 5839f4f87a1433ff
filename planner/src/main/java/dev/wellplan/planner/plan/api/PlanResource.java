package dev.wellplan.planner.plan.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import dev.wellplan.planner.access.app.ClientSignOut;
import dev.wellplan.planner.calendar.CalendarFeed;
import dev.wellplan.planner.plan.app.Actor;
import dev.wellplan.planner.plan.app.Clearances;
import dev.wellplan.planner.plan.app.Confirmations;
import dev.wellplan.planner.plan.app.HistoryEntry;
import dev.wellplan.planner.plan.app.PlanQueries;
import dev.wellplan.planner.plan.app.PlanView;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import dev.wellplan.support.access.Callers;
import dev.wellplan.support.links.LinkTokens;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The plan, its clearance, history and calendar, under {@code /api/plans/{id}}. Routes with a further literal
 * segment of their own (claim, coach, audit) live in classes of their own; JAX-RS picks a class by the most
 * literal path, so they do not hide these.
 */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    /** The purpose of the client links that open the plan itself. */
    public static final String PLAN_LINK = LinkTokens.PLAN;

    /** A clearance note; optional, at most {@value Clearances#MAX_NOTE_LENGTH} characters. */
    public record ClearanceRequest(String note) {
    }

    private final PlanQueries queries;
    private final Clearances clearances;
    private final Confirmations confirmations;
    private final ClientSignOut signOut;
    private final CalendarFeed calendars;
    private final SecurityIdentity identity;

    public PlanResource(PlanQueries queries, Clearances clearances, Confirmations confirmations, ClientSignOut signOut,
                        CalendarFeed calendars, SecurityIdentity identity) {
        this.queries = queries;
        this.clearances = clearances;
        this.confirmations = confirmations;
        this.signOut = signOut;
        this.calendars = calendars;
        this.identity = identity;
    }

    /**
     * The plan's newest version, or with {@code ?version=n} the version {@code n} as it was (404 for a version it
     * never had); its ETag is the version.
     */
    @GET
    @Path("/{id}")
    @Access(value = {Caller.PLAN_CLIENT, Caller.ASSIGNED_COACH, Caller.POOL_COACH, Caller.ADMIN}, link = PLAN_LINK)
    public Response plan(@PathParam("id") String id, @QueryParam("version") Long version) {
        PlanView plan = version == null ? queries.plan(planId(id)) : queries.plan(planId(id), version);
        return Response.ok(plan).tag(etag(plan)).build();
    }

    /** SAFE-3: the plan's coach (or an admin) records medical clearance; the plan becomes ACTIVE with massage from today. */
    @POST
    @Path("/{id}/clearance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access({Caller.ASSIGNED_COACH, Caller.ADMIN})
    public Response clear(@PathParam("id") String id, ClearanceRequest request) {
        String note = request == null ? null : request.note();
        PlanView plan = clearances.record(planId(id), actor(identity), note);
        return Response.ok(plan).tag(etag(plan)).build();
    }

    /** The client confirms their enrollment, with the link of the confirmation e-mail (the API twin of /confirm). */
    @POST
    @Path("/{id}/confirmation")
    @Access(value = Caller.PLAN_CLIENT, link = LinkTokens.CONFIRM)
    public Response confirm(@PathParam("id") String id) {
        PlanView plan = confirmations.confirm(planId(id));
        return Response.ok(plan).tag(etag(plan)).build();
    }

    /** Every link the plan's client was sent before now stops working; a fresh one comes by e-mail. */
    @POST
    @Path("/{id}/sign-out")
    @Access(value = {Caller.PLAN_CLIENT, Caller.ASSIGNED_COACH, Caller.ADMIN}, link = LinkTokens.PLAN)
    public Response signOut(@PathParam("id") String id) {
        signOut.everywhere(planId(id));
        return Response.noContent().build();
    }

    /**
     * Every version of the plan: when, the status it left, and what changed; for coaches and admins also who, why,
     * the operations and the rules set aside. The client, by their plan link, sees their own plan's versions without
     * the clinic's notes (docs/access.md).
     */
    @GET
    @Path("/{id}/history")
    @Access(value = {Caller.PLAN_CLIENT, Caller.ASSIGNED_COACH, Caller.POOL_COACH, Caller.ADMIN}, link = PLAN_LINK)
    public List<HistoryEntry> history(@PathParam("id") String id, @QueryParam("token") String link) {
        // the access rules let a request with a link in as the plan's client, whoever else it says it is
        return link != null ? queries.clientHistory(planId(id)) : queries.history(planId(id));
    }

    /**
     * The plan's newest version as an RFC 5545 calendar feed: for the client through the signed link of their
     * welcome e-mail ({@code token}), or for the plan's coach or an admin. Stable UIDs, SEQUENCE = version.
     */
    @GET
    @Path("/{id}/calendar.ics")
    @Produces(CalendarFeed.MEDIA_TYPE)
    @Access(value = {Caller.PLAN_CLIENT, Caller.ASSIGNED_COACH, Caller.ADMIN}, link = CalendarFeed.PURPOSE)
    public Response calendar(@PathParam("id") String id, @Context Request request) {
        CalendarFeed.Feed feed = calendars.feed(planId(id)).orElseThrow(() -> Refusal.NotFound.plan(id));
        EntityTag tag = new EntityTag(String.valueOf(feed.version()));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.build(); // 304: calendar apps poll, most polls find the same version
        }
        return Response.ok(feed.ics(), CalendarFeed.MEDIA_TYPE).tag(tag)
                .header("Cache-Control", "private, no-cache").header("Referrer-Policy", "no-referrer").build();
    }

    public static EntityTag etag(PlanView plan) {
        return new EntityTag(String.valueOf(plan.version()));
    }

    /** Who is calling, as a change records them. */
    public static Actor actor(SecurityIdentity identity) {
        return new Actor(identity.getPrincipal().getName(), Callers.id(identity));
    }

    /** A malformed id names no plan: 404, like an unknown one. */
    public static UUID planId(String id) {
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
