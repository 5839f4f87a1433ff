package dev.wellplan.planner.roster.api;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.planner.roster.app.Roster;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import dev.wellplan.support.access.Callers;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The roster: {@code scope=mine} (a coach's default), {@code unassigned}, or {@code all} (an admin's default); by
 * {@code status}, and by {@code alert} (a kind of alert the plan has open, as {@code GET /api/coach/alerts} names
 * them, or {@code any}).
 */
@Path("/api/coach/plans")
@Produces(MediaType.APPLICATION_JSON)
public class RosterResource {

    private final Roster roster;
    private final SecurityIdentity identity;

    public RosterResource(Roster roster, SecurityIdentity identity) {
        this.roster = roster;
        this.identity = identity;
    }

    @GET
    @Access({Caller.COACH, Caller.ADMIN})
    public Roster.Page plans(@QueryParam("scope") String scope, @QueryParam("status") String status,
                             @QueryParam("alert") String alert, @QueryParam("page") @DefaultValue("1") int page,
                             @QueryParam("size") @DefaultValue("50") int size) {
        boolean admin = identity.hasRole(Callers.ADMIN);
        return roster.plans(scope(scope, admin), Callers.id(identity), status, alert, page, size);
    }

    private static Roster.Scope scope(String scope, boolean admin) {
        if (scope == null) {
            return admin ? Roster.Scope.ALL : Roster.Scope.MINE;
        }
        for (Roster.Scope s : Roster.Scope.values()) {
            if (s.name().equalsIgnoreCase(scope) && (admin || s != Roster.Scope.ALL)) {
                return s;
            }
        }
        throw Refusal.Invalid.of("scope", admin ? "must be mine, unassigned or all" : "must be mine or unassigned");
    }
}
