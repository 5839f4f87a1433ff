package dev.wellplan.planner.plan.web;

import java.time.Clock;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.wellplan.calendar.SignedLinks;
import dev.wellplan.planner.plan.app.Confirmations;
import dev.wellplan.planner.plan.app.PlanQueries;
import dev.wellplan.planner.plan.app.PlanView;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import dev.wellplan.support.links.LinkTokens;
import dev.wellplan.support.web.HtmlPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The page the confirmation e-mail links to: one button. Only its POST confirms, because mail scanners fetch
 * the links they find; the token in the link is the only key, so the page is open to anyone who holds one.
 */
@Path("/confirm")
@Produces(MediaType.TEXT_HTML)
public class ConfirmationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ask(String token);

        static native TemplateInstance confirmed(boolean awaitingClearance);

        static native TemplateInstance problem(String title, String detail);
    }

    private final LinkTokens links;
    private final Confirmations confirmations;
    private final PlanQueries queries;
    private final Clock clock;

    public ConfirmationPage(LinkTokens links, Confirmations confirmations, PlanQueries queries, Clock clock) {
        this.links = links;
        this.confirmations = confirmations;
        this.queries = queries;
        this.clock = clock;
    }

    @GET
    @Access(value = Caller.ANYONE, audited = false)
    public Response ask(@QueryParam("token") String token) {
        UUID planId = planOf(token);
        if (planId == null) {
            return rejected(token);
        }
        PlanView plan = queries.plan(planId);
        if (!plan.status().equals("PENDING_CONFIRMATION")) {
            return answered(plan);
        }
        return HtmlPages.page(200, Templates.ask(token).render());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access(value = Caller.ANYONE, audited = false)
    public Response confirm(@FormParam("token") String token) {
        UUID planId = planOf(token);
        if (planId == null) {
            return rejected(token);
        }
        try {
            return answered(confirmations.confirm(planId));
        } catch (Refusal.Conflict e) {
            return answered(queries.plan(planId)); // expired meanwhile, or a second click that raced the first
        }
    }

    private Response answered(PlanView plan) {
        if (plan.status().equals("EXPIRED")) {
            return HtmlPages.page(410, Templates.problem("This enrollment has expired",
                    "It was not confirmed within two days, so we deleted what it said. Please enroll again.").render());
        }
        return HtmlPages.page(200, Templates.confirmed(plan.status().equals("AWAITING_CLEARANCE")).render());
    }

    private UUID planOf(String token) {
        SignedLinks.Check check = links.check(LinkTokens.CONFIRM, token, clock.instant());
        if (!check.valid()) {
            return null;
        }
        try {
            return UUID.fromString(check.subject());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Response rejected(String token) {
        boolean expired = token != null && links.check(LinkTokens.CONFIRM, token, clock.instant()).verdict()
                == SignedLinks.Verdict.EXPIRED;
        return HtmlPages.page(expired ? 410 : 400, expired
                ? Templates.problem("This link has expired",
                        "Confirmation links work for two days. Please enroll again.").render()
                : Templates.problem("This link does not work",
                        "Please open the link from your e-mail exactly as it is.").render());
    }
}
