package dev.wellplan.planner.roster.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.wellplan.planner.access.web.PageAnswers;
import dev.wellplan.planner.access.web.Viewer;
import dev.wellplan.planner.alert.api.AlertResource;
import dev.wellplan.planner.alert.app.Alerts;
import dev.wellplan.planner.alert.web.AlertWords;
import dev.wellplan.planner.plan.web.Words;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.planner.roster.app.Roster;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import dev.wellplan.support.web.HtmlPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The coach's roster: their clients and the clinic's unassigned pool (an admin's: every plan), filtered by status, a
 * page at a time, with a claim button on pool plans. htmx swaps the list in place when a filter changes or a plan is
 * claimed; without JavaScript the same forms load the whole page. Above it, the alerts of the same plans (a coach's own
 * and the pool's; an admin's, every plan's), urgent first, each linking its plan.
 */
@Path("/coach/roster")
@Produces(MediaType.TEXT_HTML)
public class RosterPage {

    static final int PAGE_SIZE = 50;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    /** One plan on the list. */
    @TemplateData
    public record Line(String planId, String client, String starts, String status, String owner, boolean pool) {
    }

    /** The list as filtered: {@code scope} and {@code status} as the filter form sends them. */
    @TemplateData
    public record View(String scope, String status, List<Line> lines, long total, int page, String previous,
                       String next, List<Words.Option> scopes, List<Words.Option> statuses) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance roster(Viewer me, View roster, List<AlertWords.Line> alerts);
    }

    /** The alerts the page lists; the API and the roster's filters reach the rest. */
    static final int ALERTS_SHOWN = 50;

    private final Roster roster;
    private final Alerts alerts;
    private final SecurityIdentity identity;

    public RosterPage(Roster roster, Alerts alerts, SecurityIdentity identity) {
        this.roster = roster;
        this.alerts = alerts;
        this.identity = identity;
    }

    /** Reads client names of the pool and the coach's own plans, as the API's roster does: audited. */
    @GET
    @Access({Caller.COACH, Caller.ADMIN})
    public Response roster(@QueryParam("scope") String scope, @QueryParam("status") String status,
                           @QueryParam("page") @DefaultValue("1") int page) {
        Viewer me = Viewer.of(identity);
        Roster.Scope chosen = scope(scope, me.admin());
        String filter = status == null || status.isBlank() ? null : status;
        Roster.Page found = roster.plans(chosen, me.id(), filter, null, Math.max(1, page), PAGE_SIZE);
        List<Line> lines = found.plans().stream().map(l -> new Line(l.planId().toString(),
                l.clientName() == null || l.clientName().isBlank() ? "(no name)" : l.clientName(),
                DAY.format(l.startDate()), Words.status(l.status()),
                l.coachId() == null ? "Pool" : l.coachId().equals(me.id()) ? "You" : "Another coach",
                l.coachId() == null)).toList();
        String key = chosen.name().toLowerCase(Locale.ROOT);
        String previous = found.page() > 1 ? link(key, filter, found.page() - 1) : null;
        String next = (long) found.page() * PAGE_SIZE < found.total() ? link(key, filter, found.page() + 1) : null;
        View view = new View(key, filter == null ? "" : filter, lines, found.total(), found.page(), previous, next,
                scopes(me.admin()), Words.ROSTER_STATUSES);
        List<AlertWords.Line> open = alerts.open(AlertResource.scope(null, me.admin()), me.id(), null).stream()
                .limit(ALERTS_SHOWN).map(a -> AlertWords.line(a, me.admin() || me.id().equals(a.coachId()))).toList();
        return HtmlPages.scripted(200, Templates.roster(me, view, open).render());
    }

    @ServerExceptionMapper
    public Response refused(Refusal refusal) {
        return PageAnswers.of(refusal);
    }

    /** The roster as filtered; only known scopes and statuses get into the link. */
    public static String link(String scope, String status) {
        return link(scope, status, 1);
    }

    static String link(String scope, String status, int page) {
        UriBuilder link = UriBuilder.fromPath("/coach/roster");
        if (scope != null && List.of("mine", "unassigned", "all").contains(scope)) {
            link.queryParam("scope", scope);
        }
        if (status != null && Words.ROSTER_STATUSES.stream().anyMatch(s -> s.value().equals(status))) {
            link.queryParam("status", status);
        }
        if (page > 1) {
            link.queryParam("page", page);
        }
        return link.build().toString();
    }

    private static Roster.Scope scope(String scope, boolean admin) {
        for (Roster.Scope s : Roster.Scope.values()) {
            if (s.name().equalsIgnoreCase(scope) && (admin || s != Roster.Scope.ALL)) {
                return s;
            }
        }
        return admin ? Roster.Scope.ALL : Roster.Scope.MINE;
    }

    private static List<Words.Option> scopes(boolean admin) {
        List<Words.Option> mine = List.of(new Words.Option("mine", "My clients", null),
                new Words.Option("unassigned", "Unassigned pool", null));
        return admin ? List.of(new Words.Option("all", "Every plan", null), mine.get(0), mine.get(1)) : mine;
    }
}
