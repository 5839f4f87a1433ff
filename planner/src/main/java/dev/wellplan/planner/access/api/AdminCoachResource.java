package dev.wellplan.planner.access.api;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.wellplan.planner.access.app.AccountView;
import dev.wellplan.planner.access.app.Accounts;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;

/** Coach accounts, for admins: add, list, disable, enable. */
@Path("/api/admin/coaches")
@Produces(MediaType.APPLICATION_JSON)
public class AdminCoachResource {

    /** A new coach: they sign in with {@code email} and {@code password} (12 characters or more). */
    public record NewCoach(String email, String name, String password) {
    }

    private final Accounts accounts;

    public AdminCoachResource(Accounts accounts) {
        this.accounts = accounts;
    }

    @POST
    @Access(Caller.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(NewCoach coach) {
        if (coach == null) {
            throw Refusal.Invalid.of("", "the request body is empty");
        }
        AccountView added = accounts.addCoach(coach.email(), coach.name(), coach.password());
        return Response.status(Response.Status.CREATED).header("Location", "/api/admin/coaches/" + added.id())
                .entity(added).build();
    }

    @GET
    @Access(Caller.ADMIN)
    public List<AccountView> all() {
        return accounts.all();
    }

    @POST
    @Access(Caller.ADMIN)
    @Path("/{id}/disable")
    public AccountView disable(@PathParam("id") String id) {
        return accounts.setDisabled(accountId(id), true);
    }

    @POST
    @Access(Caller.ADMIN)
    @Path("/{id}/enable")
    public AccountView enable(@PathParam("id") String id) {
        return accounts.setDisabled(accountId(id), false);
    }

    private static UUID accountId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new Refusal.NotFound("account " + id);
        }
    }
}
