package dev.wellplan.planner.plan.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.wellplan.planner.access.web.PageAnswers;
import dev.wellplan.planner.checkin.app.CheckInQueries;
import dev.wellplan.planner.plan.api.PlanResource;
import dev.wellplan.planner.plan.app.PlanQueries;
import dev.wellplan.planner.plan.app.PlanView;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import dev.wellplan.support.links.LinkTokens;
import dev.wellplan.support.web.HtmlPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;

/**
 * "My plan": the client's four weeks as a timeline, opened by the signed {@code plan} link of their e-mails, with
 * their calendar to add, the link to check in, and what happens next; at its end (LIF-2), the plan in numbers and
 * the offer of a follow-up plan.
 */
@Path("/plans/{id}")
@Produces(MediaType.TEXT_HTML)
public class ClientPlanPage {

    /**
     * What the page shows besides the timeline: {@code checkIn} the link to the check-in page, {@code summary} the
     * plan in numbers once it is completed (LIF-2), null before.
     */
    @TemplateData
    public record MyPlan(String status, boolean pending, boolean awaitingClearance, boolean seekCareToday,
                         boolean ended, List<String> guidance, String webcal, String download, String checkIn,
                         List<String> summary) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plan(MyPlan plan, Timeline timeline);
    }

    private final PlanQueries queries;
    private final CheckInQueries checkIns;
    private final LinkTokens links;
    private final Clock clock;

    public ClientPlanPage(PlanQueries queries, CheckInQueries checkIns, LinkTokens links, Clock clock) {
        this.queries = queries;
        this.checkIns = checkIns;
        this.links = links;
        this.clock = clock;
    }

    /** Not audited: only the plan's own client reaches it, by the link the e-mails carry. */
    @GET
    @Access(value = Caller.PLAN_CLIENT, link = LinkTokens.PLAN, audited = false)
    public Response plan(@PathParam("id") String id, @Context UriInfo uri) {
        UUID planId = PlanResource.planId(id);
        PlanView plan = queries.plan(planId);
        ZoneId zone = ZoneId.of(plan.timeZone());
        // the calendar link is one of its own purpose: it opens the feed and nothing else, for calendar apps to keep
        String token = links.issue(LinkTokens.CALENDAR, planId.toString(), clock.instant());
        URI feed = uri.getBaseUriBuilder().path("api/plans/{id}/calendar.ics").queryParam("token", token).build(planId);
        String checkIn = UriBuilder.fromPath("/check-in")
                .queryParam("token", links.issue(LinkTokens.CHECK_IN, planId.toString(), clock.instant()))
                .build().toString();
        List<String> summary = plan.status().equals("COMPLETED") ? SummaryWords.of(checkIns.summary(plan)) : null;
        MyPlan mine = new MyPlan(Words.status(plan.status()), plan.status().equals("PENDING_CONFIRMATION"),
                plan.status().equals("AWAITING_CLEARANCE"), "SEEK_CARE_TODAY".equals(plan.urgency()),
                List.of("COMPLETED", "CANCELLED", "EXPIRED").contains(plan.status()), plan.guidance(),
                feed.toString().replaceFirst("^https?://", "webcal://"), feed.toString(), checkIn, summary);
        return HtmlPages.page(200, Templates.plan(mine, Timeline.of(plan, LocalDateTime.now(clock.withZone(zone))))
                .render());
    }

    @ServerExceptionMapper
    public Response refused(Refusal refusal) {
        return PageAnswers.of(refusal);
    }
}
