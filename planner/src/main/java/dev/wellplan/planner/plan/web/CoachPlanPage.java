package dev.wellplan.planner.plan.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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
import jakarta.ws.rs.core.UriBuilder;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.wellplan.planner.access.app.AccountView;
import dev.wellplan.planner.access.app.Accounts;
import dev.wellplan.planner.access.web.PageAnswers;
import dev.wellplan.planner.access.web.Viewer;
import dev.wellplan.planner.alert.app.Alerts;
import dev.wellplan.planner.checkin.app.CheckInQueries;
import dev.wellplan.planner.checkin.app.Proposals;
import dev.wellplan.planner.plan.api.PlanResource;
import dev.wellplan.planner.plan.app.AssessmentSummary;
import dev.wellplan.planner.plan.app.Assignments;
import dev.wellplan.planner.plan.app.Clearances;
import dev.wellplan.planner.plan.app.HistoryEntry;
import dev.wellplan.planner.plan.app.PlanQueries;
import dev.wellplan.planner.plan.app.PlanView;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.planner.roster.web.RosterPage;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import dev.wellplan.support.web.HtmlPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A plan as its coach sees it: the timeline, what the client answered, their check-ins, the plan's alerts and AFT-3's
 * proposals ({@link FollowUp}), and what the coach can do now (claim it from the pool, record medical clearance, accept
 * or dismiss a proposal, adjust it through a preview ({@link AdjustmentPage}); an admin assigns it). Every read and
 * change here is audited, as on the API.
 */
@Path("/coach/plans/{id}")
@Produces(MediaType.TEXT_HTML)
public class CoachPlanPage {

    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);
    /** What a change just done says at the top of the page it leads back to. */
    static final Map<String, String> DONE = Map.of(
            "adjusted", "The plan is adjusted: its new version is saved, and the client's reminders follow it.",
            "claimed", "The plan is yours now.",
            "cleared", "Clearance recorded: the plan is active and its massage sessions are booked from today.",
            "assigned", "The plan's coach is changed.",
            "accepted", "Proposal accepted: the session is one pressure step lighter in the plan's new version, and "
                    + "the client's reminders follow it.",
            "dismissed", "Proposal dismissed: the plan stays as it was.",
            "alert-cleared", "The alert is cleared.");

    /** The statuses in which a plan has anything left to adjust (the rules say what, SAFE-4). */
    static final Set<String> ADJUSTABLE = Set.of("ACTIVE", "PAUSED", "AWAITING_CLEARANCE");

    /** The plan's head: its state, whose it is, and what the viewer may do. */
    @TemplateData
    public record Head(UUID id, long version, String status, boolean pending, boolean awaitingClearance,
                       boolean pool, String owner, boolean canClaim, boolean canClear, boolean canAdjust,
                       String coachId, List<Words.Option> coaches, String done) {
    }

    /** What the client answered, in words. */
    @TemplateData
    public record Answers(String client, boolean forgotten, String redFlags, boolean flagged, String area, String pain,
                          String pattern, String drivers, String massage, String stressDays, String workouts,
                          String pressure, String quiet, String equipment) {

        static Answers of(AssessmentSummary a) {
            if (a.forgotten()) {
                return new Answers(a.clientName(), true, null, false, null, null, null, null, null, null, null, null,
                        null, null);
            }
            return new Answers(a.clientName(), false, Words.labels(Words.RED_FLAGS, a.redFlags(), "None"),
                    !a.redFlags().isEmpty(), Words.label(Words.AREAS, a.area()),
                    a.intensity() + " of 10, for " + a.weeks() + " weeks", Words.label(Words.PATTERNS, a.pattern()),
                    Words.labels(Words.DRIVERS, a.drivers(), "Not said"),
                    Words.labels(Words.DAYS, a.massageDays(), "Any day") + " at " + a.massageTime(),
                    Words.labels(Words.DAYS, a.highStressDays(), "None"),
                    a.exerciseDaysPerWeek() + " a week at " + a.exerciseTime(),
                    a.pressure() == null ? "Medium (not said)" : Words.label(Words.PRESSURES, a.pressure()),
                    a.quietFrom() + " to " + a.quietTo(), Words.labels(Words.EQUIPMENT, a.equipment(), "Nothing"));
        }
    }

    /** One version of the history. */
    @TemplateData
    public record Version(long version, String at, String who, String what, String why, String status) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plan(Viewer me, Head head, Answers answers, Timeline timeline,
                                            AdjustmentForm.Forms forms, AdjustmentForm.Choices choices,
                                            FollowUp followUp, String problem);

        static native TemplateInstance history(Viewer me, Head head, List<Version> versions);
    }

    private final PlanQueries queries;
    private final Clearances clearances;
    private final Assignments assignments;
    private final Accounts accounts;
    private final CheckInQueries checkIns;
    private final Alerts alerts;
    private final Proposals proposals;
    private final SecurityIdentity identity;
    private final Clock clock;

    public CoachPlanPage(PlanQueries queries, Clearances clearances, Assignments assignments, Accounts accounts,
                         CheckInQueries checkIns, Alerts alerts, Proposals proposals, SecurityIdentity identity,
                         Clock clock) {
        this.queries = queries;
        this.clearances = clearances;
        this.assignments = assignments;
        this.accounts = accounts;
        this.checkIns = checkIns;
        this.alerts = alerts;
        this.proposals = proposals;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Access({Caller.ASSIGNED_COACH, Caller.POOL_COACH, Caller.ADMIN})
    public Response plan(@PathParam("id") String id, @QueryParam("done") String done) {
        return page(200, PlanResource.planId(id), done, null);
    }

    @GET
    @Path("/history")
    @Access({Caller.ASSIGNED_COACH, Caller.POOL_COACH, Caller.ADMIN})
    public Response history(@PathParam("id") String id) {
        UUID planId = PlanResource.planId(id);
        List<Version> versions = queries.history(planId).stream().map(CoachPlanPage::version).toList();
        return HtmlPages.page(200, Templates.history(Viewer.of(identity), head(queries.plan(planId), null), versions)
                .render());
    }

    /** Takes the plan from the pool; from the roster ({@code back=roster}) the roster is shown again, as it was filtered. */
    @POST
    @Path("/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access({Caller.POOL_COACH, Caller.ASSIGNED_COACH})
    public Response claim(@PathParam("id") String id, @FormParam("back") String back, @FormParam("scope") String scope,
                          @FormParam("status") String status) {
        PlanView plan = assignments.claim(PlanResource.planId(id), PlanResource.actor(identity));
        return "roster".equals(back) ? PageAnswers.seeOther(RosterPage.link(scope, status))
                : PageAnswers.seeOther(done(plan.id(), "claimed"));
    }

    /** SAFE-3: the plan's coach (or an admin) records medical clearance, with a note for the history. */
    @POST
    @Path("/clearance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access({Caller.ASSIGNED_COACH, Caller.ADMIN})
    public Response clear(@PathParam("id") String id, @FormParam("note") String note) {
        PlanView plan = clearances.record(PlanResource.planId(id), PlanResource.actor(identity),
                note == null || note.isBlank() ? null : note.strip());
        return PageAnswers.seeOther(done(plan.id(), "cleared"));
    }

    /** An admin gives the plan to a coach, or back to the pool (an empty {@code coachId}). */
    @POST
    @Path("/coach")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access(Caller.ADMIN)
    public Response assign(@PathParam("id") String id, @FormParam("coachId") String coachId) {
        PlanView plan = assignments.assign(PlanResource.planId(id), coachId == null || coachId.isBlank() ? null : coachId,
                PlanResource.actor(identity));
        return PageAnswers.seeOther(done(plan.id(), "assigned"));
    }

    /**
     * AFT-3: the coach accepts the proposal on the plan at the version the page showed ({@code version}, the API's
     * If-Match); the same use case as {@code POST /api/plans/{id}/proposals/{pid}/accept}. A plan changed meanwhile
     * is shown again as it is now (412), saying that nothing was accepted.
     */
    @POST
    @Path("/proposals/{pid}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access({Caller.ASSIGNED_COACH, Caller.ADMIN})
    public Response accept(@PathParam("id") String id, @PathParam("pid") String pid,
                           @FormParam("version") String version) {
        UUID planId = PlanResource.planId(id);
        try {
            proposals.accept(planId, pid, AdjustmentForm.version(version), PlanResource.actor(identity));
        } catch (Refusal.Stale stale) {
            return page(412, planId, null, "Someone changed this plan after you opened it: it is at version "
                    + stale.currentVersion() + " now, and the proposal was not accepted. The page shows the plan as it "
                    + "is now; accept the proposal again if it still fits.");
        }
        return PageAnswers.seeOther(done(planId, "accepted"));
    }

    /** AFT-3: the coach dismisses the proposal; the plan stays as it was and the proposal's alert is cleared. */
    @POST
    @Path("/proposals/{pid}/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access({Caller.ASSIGNED_COACH, Caller.ADMIN})
    public Response dismiss(@PathParam("id") String id, @PathParam("pid") String pid) {
        UUID planId = PlanResource.planId(id);
        proposals.dismiss(planId, pid, PlanResource.actor(identity));
        return PageAnswers.seeOther(done(planId, "dismissed"));
    }

    @ServerExceptionMapper
    public Response refused(Refusal refusal) {
        return PageAnswers.of(refusal);
    }

    private Response page(int status, UUID planId, String done, String problem) {
        PlanQueries.PlanAndAnswers read = queries.planAndAnswers(planId);
        PlanView plan = read.plan();
        AssessmentSummary answers = read.answers();
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneId.of(plan.timeZone())));
        Viewer me = Viewer.of(identity);
        FollowUp followUp = FollowUp.of(plan, me, checkIns.of(plan), alerts.ofPlan(planId),
                proposals.pendingOf(planId));
        return HtmlPages.page(status, Templates.plan(me, head(plan, done), Answers.of(answers), Timeline.of(plan, now),
                AdjustmentForm.blank(plan, answers), AdjustmentForm.choices(plan, now), followUp, problem).render());
    }

    private Head head(PlanView plan, String done) {
        Viewer me = Viewer.of(identity);
        boolean pool = plan.coachId() == null;
        boolean mine = me.id().equals(plan.coachId());
        boolean awaiting = plan.status().equals("AWAITING_CLEARANCE");
        List<AccountView> coaches = me.admin() ? accounts.all().stream()
                .filter(a -> Accounts.COACH.equals(a.role()) && !a.disabled()).toList() : List.of();
        Map<String, String> names = coaches.stream().collect(Collectors.toMap(a -> a.id().toString(), AccountView::name,
                (a, b) -> a));
        String owner = pool ? "Unassigned pool" : mine ? "You" : names.getOrDefault(plan.coachId(), "Another coach");
        List<Words.Option> options = coaches.stream()
                .map(a -> new Words.Option(a.id().toString(), a.name() + " (" + a.login() + ")", null)).toList();
        return new Head(plan.id(), plan.version(), Words.status(plan.status()),
                plan.status().equals("PENDING_CONFIRMATION"), awaiting, pool, owner, pool && !me.admin(),
                awaiting && (mine || me.admin()), (mine || me.admin()) && ADJUSTABLE.contains(plan.status()),
                plan.coachId(), options, done == null ? null : DONE.get(done));
    }

    private static Version version(HistoryEntry entry) {
        return new Version(entry.version(), AT.format(entry.at().atOffset(ZoneOffset.UTC)),
                entry.actor() == null ? "(enrollment)" : entry.actor(), EVENTS.apply(entry.event()),
                entry.reason(), Words.status(entry.status()));
    }

    private static final Function<String, String> EVENTS = event -> switch (event) {
        case "PlanCreated" -> "Enrolled";
        case "PlanStatusChanged" -> "Status changed";
        case "PlanAssigned" -> "Coach changed";
        case "PlanAdjusted" -> "Plan adjusted";
        default -> event;
    };

    /** The plan's page with the banner of what was just done ({@link #DONE}'s key). */
    public static String done(UUID planId, String what) {
        return UriBuilder.fromPath("/coach/plans/{id}").queryParam("done", what).build(planId).toString();
    }
}
