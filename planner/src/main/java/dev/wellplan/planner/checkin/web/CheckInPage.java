package dev.wellplan.planner.checkin.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.wellplan.planner.access.web.PageAnswers;
import dev.wellplan.planner.checkin.app.CheckIns;
import dev.wellplan.planner.plan.app.PlanQueries;
import dev.wellplan.planner.plan.app.PlanView;
import dev.wellplan.planner.plan.web.PageForm;
import dev.wellplan.planner.plan.web.Words;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.rules.ItemKind;
import dev.wellplan.rules.PlanItem;
import dev.wellplan.rules.Violation;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.AccessRules;
import dev.wellplan.support.access.Caller;
import dev.wellplan.support.links.LinkTokens;
import dev.wellplan.support.problem.ProblemException;
import dev.wellplan.support.web.HtmlPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;

/**
 * The client's check-in, the page their +24 h and +48 h e-mails link to ({@code /check-in?token=…&item=massage-1}):
 * soreness, pain and the safety questions again, about a session or about none. The signed {@code check-in} link is
 * the only key, as on the confirmation page: the page is open to anyone holding one, checks it itself (signature,
 * expiry, the client's sign-out) and records through the same use case as {@code POST /api/plans/{id}/check-ins}.
 */
@Path("/check-in")
@Produces(MediaType.TEXT_HTML)
public class CheckInPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);
    /** The form's scores, from none to the worst imaginable. */
    static final List<Words.Option> SCORES = IntStream.rangeClosed(0, 10).mapToObj(i -> new Words.Option(
            String.valueOf(i), i + (i == 0 ? " (none)" : i == 10 ? " (the worst you can imagine)" : ""), null)).toList();

    /** What the form shows besides its fields: the sessions to choose from, and whether massage is on hold. */
    @TemplateData
    public record Ask(String token, List<Words.Option> sessions, List<Words.Option> scores,
                      List<Words.Option> redFlags, boolean awaitingClearance) {
    }

    /** What the client reads after answering. */
    @TemplateData
    public record Answered(boolean seekCareToday, boolean seeDoctor, boolean followUp, boolean lighterNext) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Ask ask, PageForm form);

        static native TemplateInstance answered(Answered answered);
    }

    private final AccessRules access;
    private final PlanQueries queries;
    private final CheckIns checkIns;
    private final Clock clock;

    public CheckInPage(AccessRules access, PlanQueries queries, CheckIns checkIns, Clock clock) {
        this.access = access;
        this.queries = queries;
        this.checkIns = checkIns;
        this.clock = clock;
    }

    /** Not audited: only the plan's client holds a check-in link. */
    @GET
    @Access(value = Caller.ANYONE, audited = false)
    public Response ask(@QueryParam("token") String token, @QueryParam("item") String item) {
        UUID planId = access.linkedPlan(LinkTokens.CHECK_IN, token);
        PlanView plan = queries.plan(planId);
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("itemId", item == null ? List.of() : List.of(item));
        return form(200, token, plan, new PageForm(values, Map.of(), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access(value = Caller.ANYONE, audited = false)
    public Response answer(@RestForm("token") String token, @RestForm("itemId") String itemId,
                           @RestForm("soreness") String soreness, @RestForm("pain") String pain,
                           @RestForm("redFlags") List<String> redFlags, @RestForm("note") String note) {
        UUID planId = access.linkedPlan(LinkTokens.CHECK_IN, token);
        List<String> flags = redFlags == null ? List.of() : redFlags;
        try {
            CheckIns.Receipt receipt = checkIns.record(planId, CheckIns.CLIENT, new CheckIns.Answer(
                    itemId == null || itemId.isBlank() ? null : itemId, score(soreness), score(pain), flags, note));
            return HtmlPages.page(200, Templates.answered(new Answered("SEEK_CARE_TODAY".equals(receipt.urgency()),
                    "SEE_DOCTOR".equals(receipt.urgency()), receipt.followUp(), receipt.proposalId() != null))
                    .render());
        } catch (Refusal.Invalid | Refusal.Unprocessable wrong) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            values.put("itemId", itemId == null ? List.of() : List.of(itemId));
            values.put("soreness", soreness == null ? List.of() : List.of(soreness));
            values.put("pain", pain == null ? List.of() : List.of(pain));
            values.put("redFlags", flags);
            values.put("note", note == null ? List.of() : List.of(note));
            Map<String, String> errors = new LinkedHashMap<>();
            List<Violation> violations = wrong instanceof Refusal.Invalid invalid ? invalid.violations()
                    : ((Refusal.Unprocessable) wrong).violations();
            violations.forEach(v -> errors.putIfAbsent(v.field().replaceAll("\\[\\d+]", ""), v.message()));
            return form(wrong instanceof Refusal.Invalid ? 400 : 422, token, queries.plan(planId),
                    new PageForm(values, errors, null));
        }
    }

    private Response form(int status, String token, PlanView plan, PageForm form) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneId.of(plan.timeZone()));
        List<Words.Option> sessions = new ArrayList<>();
        for (PlanItem item : plan.items()) {
            if (item.kind() == ItemKind.MASSAGE && !item.start().isAfter(now)) {
                sessions.add(new Words.Option(item.id(), "Your massage on " + WHEN.format(item.start()), null));
            }
        }
        sessions.add(new Words.Option("", "Not about a session: something new since", null));
        return HtmlPages.page(status, Templates.form(new Ask(token, sessions, SCORES, Words.RED_FLAGS,
                plan.status().equals("AWAITING_CLEARANCE")), form).render());
    }

    /** A score as the form sent it; what is not a whole number is out of range, for the use case to say so. */
    private static Integer score(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @ServerExceptionMapper
    public Response refused(Refusal refusal) {
        return PageAnswers.of(refusal);
    }

    @ServerExceptionMapper
    public Response refusedLink(ProblemException refusal) {
        return PageAnswers.of(refusal);
    }
}
