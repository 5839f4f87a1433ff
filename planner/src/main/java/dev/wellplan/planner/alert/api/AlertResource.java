package dev.wellplan.planner.alert.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.wellplan.planner.alert.app.Alert;
import dev.wellplan.planner.alert.app.AlertKind;
import dev.wellplan.planner.alert.app.Alerts;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import dev.wellplan.support.access.Callers;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The coach's alerts, urgent first: {@code scope=mine} (their own plans), {@code unassigned} (the pool's, which any
 * coach may read and claim), both by default; an admin's default is {@code all}. {@code kind} narrows them to one
 * kind of alert.
 */
@Path("/api/coach/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final Alerts alerts;
    private final SecurityIdentity identity;

    public AlertResource(Alerts alerts, SecurityIdentity identity) {
        this.alerts = alerts;
        this.identity = identity;
    }

    @GET
    @Access({Caller.COACH, Caller.ADMIN})
    public List<Alert> alerts(@QueryParam("scope") String scope, @QueryParam("kind") String kind) {
        boolean admin = identity.hasRole(Callers.ADMIN);
        return alerts.open(scope(scope, admin), Callers.id(identity), kind(kind));
    }

    /** The scope a caller asked for: a coach's own plans and the pool's unless they name one; an admin's, every plan. */
    public static Alerts.Scope scope(String scope, boolean admin) {
        String asked = scope == null || scope.isBlank() ? (admin ? "all" : "") : scope.toLowerCase(Locale.ROOT);
        return switch (asked) {
            case "" -> new Alerts.Scope(false, true, true);
            case "mine" -> new Alerts.Scope(false, true, false);
            case "unassigned" -> new Alerts.Scope(false, false, true);
            case "all" -> {
                if (!admin) {
                    throw Refusal.Invalid.of("scope", "must be mine or unassigned");
                }
                yield Alerts.Scope.ALL;
            }
            default -> throw Refusal.Invalid.of("scope", admin ? "must be mine, unassigned or all"
                    : "must be mine or unassigned");
        };
    }

    /** The kind asked for, null for every kind. */
    public static AlertKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        AlertKind named = AlertKind.named(kind);
        if (named == null) {
            throw Refusal.Invalid.of("kind", "must be one of " + String.join(", ",
                    Arrays.stream(AlertKind.values()).map(Enum::name).toList()));
        }
        return named;
    }
}
