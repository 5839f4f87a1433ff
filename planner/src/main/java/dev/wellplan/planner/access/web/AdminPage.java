package dev.wellplan.planner.access.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.wellplan.planner.access.app.AccountView;
import dev.wellplan.planner.access.app.Accounts;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import dev.wellplan.support.web.HtmlPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Coach accounts, for admins: add one, disable or enable it, through the same {@link Accounts} use cases as the API
 * (the same password rules, the same errors, here on their fields). Plans are assigned on each plan's page.
 */
@Path("/admin/coaches")
@Produces(MediaType.TEXT_HTML)
public class AdminPage {

    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    /** One account as the list shows it. */
    @TemplateData
    public record Row(String id, String name, String login, String role, boolean disabled, String created,
                      String lastSignIn, boolean me) {
    }

    /** The add-a-coach form as entered (never the password) and what is wrong with it. */
    @TemplateData
    public record NewCoach(String email, String name, Map<String, String> errors, String general) {
        public String error(String field) {
            return errors.get(field);
        }

        public boolean invalid(String field) {
            return errors.containsKey(field);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance coaches(Viewer me, List<Row> accounts, NewCoach form, String done);
    }

    private static final NewCoach BLANK = new NewCoach("", "", Map.of(), null);

    private final Accounts accounts;
    private final SecurityIdentity identity;

    public AdminPage(Accounts accounts, SecurityIdentity identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    @GET
    @Access(Caller.ADMIN)
    public Response coaches(@QueryParam("done") String done) {
        return page(200, BLANK, done == null ? null : switch (done) {
            case "added" -> "The coach was added: they sign in with their e-mail address.";
            case "disabled" -> "The account is disabled: it cannot sign in.";
            case "enabled" -> "The account is enabled again.";
            default -> null;
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access(Caller.ADMIN)
    public Response add(@FormParam("email") String email, @FormParam("name") String name,
                        @FormParam("password") String password) {
        try {
            accounts.addCoach(email, name, password);
            return PageAnswers.seeOther("/admin/coaches?done=added");
        } catch (Refusal.Invalid invalid) {
            Map<String, String> errors = invalid.violations().stream()
                    .collect(Collectors.toMap(v -> v.field(), v -> v.message(), (a, b) -> a));
            return page(400, new NewCoach(email, name, errors, null), null);
        } catch (Refusal.Conflict taken) {
            return page(409, new NewCoach(email, name, Map.of("email", "an account with this address exists"), null),
                    null);
        }
    }

    @POST
    @Path("/{id}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access(Caller.ADMIN)
    public Response disable(@PathParam("id") String id) {
        accounts.setDisabled(accountId(id), true);
        return PageAnswers.seeOther("/admin/coaches?done=disabled");
    }

    @POST
    @Path("/{id}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access(Caller.ADMIN)
    public Response enable(@PathParam("id") String id) {
        accounts.setDisabled(accountId(id), false);
        return PageAnswers.seeOther("/admin/coaches?done=enabled");
    }

    @ServerExceptionMapper
    public Response refused(Refusal refusal) {
        return PageAnswers.of(refusal);
    }

    private Response page(int status, NewCoach form, String done) {
        Viewer me = Viewer.of(identity);
        List<Row> rows = accounts.all().stream().map(a -> row(a, me)).toList();
        return HtmlPages.page(status, Templates.coaches(me, rows, form, done).render());
    }

    private static Row row(AccountView a, Viewer me) {
        return new Row(a.id().toString(), a.name(), a.login(), a.role(), a.disabled(),
                AT.format(a.createdAt().atOffset(ZoneOffset.UTC)),
                a.lastSignInAt() == null ? "never" : AT.format(a.lastSignInAt().atOffset(ZoneOffset.UTC)),
                a.id().toString().equals(me.id()));
    }

    private static UUID accountId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new Refusal.NotFound("account " + id);
        }
    }
}
