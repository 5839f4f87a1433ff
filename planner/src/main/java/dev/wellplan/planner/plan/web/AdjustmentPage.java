package dev.wellplan.planner.plan.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wellplan.planner.access.web.PageAnswers;
import dev.wellplan.planner.access.web.Viewer;
import dev.wellplan.planner.plan.api.AdjustmentReader;
import dev.wellplan.planner.plan.api.PlanResource;
import dev.wellplan.planner.plan.app.AdjustmentRequest;
import dev.wellplan.planner.plan.app.AdjustmentResult;
import dev.wellplan.planner.plan.app.Adjustments;
import dev.wellplan.planner.plan.app.PlanQueries;
import dev.wellplan.planner.plan.app.PlanView;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.rules.Adjustment;
import dev.wellplan.rules.PlanRules;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import dev.wellplan.support.problem.ProblemException;
import dev.wellplan.support.web.HtmlPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The coach adjusts a plan from its page (the forms of its "Adjust the plan" section): first a preview (nothing
 * stored: each item that changes, the reminders and calendar entries that would change), then "Save", which sends
 * the same adjustment with the version the preview was made on (the plan's ETag, in a hidden field, as If-Match) and
 * a key of its own, so a second click makes no second version. The API's reader, use case and rules decide; this
 * page only says it in words: a refusal names its rules and what they mean, a stale version says so.
 */
@Path("/coach/plans/{id}/adjustments")
@Produces(MediaType.TEXT_HTML)
public class AdjustmentPage {

    /** The plan the page adjusts, as its head shows it. */
    @TemplateData
    public record Subject(UUID id, long version, String status, String timeZone) {
    }

    /** A hidden field of the save form. */
    @TemplateData
    public record Hidden(String name, String value) {
    }

    /**
     * One reason the rules refused the change, in words: what they said, about which item, and each rule behind it
     * ({@code rules}: the id and its sentence); {@code overridable} when the coach may set it aside, with a reason.
     */
    @TemplateData
    public record Refused(String message, String itemId, List<Words.Option> rules, boolean overridable) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance adjust(Viewer me, Subject head, AdjustmentForm.Forms forms,
                                              AdjustmentForm.Choices choices, ChangeWords preview, List<Hidden> apply,
                                              List<Refused> refusals);
    }

    private final AdjustmentReader reader;
    private final Adjustments adjustments;
    private final PlanQueries queries;
    private final ObjectMapper mapper;
    private final SecurityIdentity identity;
    private final Clock clock;

    public AdjustmentPage(AdjustmentReader reader, Adjustments adjustments, PlanQueries queries, ObjectMapper mapper,
                          SecurityIdentity identity, Clock clock) {
        this.reader = reader;
        this.adjustments = adjustments;
        this.queries = queries;
        this.mapper = mapper;
        this.identity = identity;
        this.clock = clock;
    }

    /** What the change would do; nothing is stored. */
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access({Caller.ASSIGNED_COACH, Caller.ADMIN})
    public Response preview(@PathParam("id") String id, @BeanParam AdjustmentFields fields) {
        return adjust(PlanResource.planId(id), fields.form(), true);
    }

    /** The change, stored as the plan's next version; back to the plan, which says so. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access({Caller.ASSIGNED_COACH, Caller.ADMIN})
    public Response apply(@PathParam("id") String id, @BeanParam AdjustmentFields fields) {
        return adjust(PlanResource.planId(id), fields.form(), false);
    }

    @ServerExceptionMapper
    public Response refused(Refusal refusal) {
        return PageAnswers.of(refusal);
    }

    private Response adjust(UUID planId, PageForm form, boolean preview) {
        PlanView plan = queries.plan(planId);
        if (AdjustmentForm.section(form) == null) {
            return page(400, plan, form.withGeneral("Pick one of the changes on the plan's page."), null, List.of());
        }
        try {
            AdjustmentRequest request = reader.read(AdjustmentForm.toJson(form, mapper)).withDryRun(preview);
            Optional<String> key = preview ? Optional.empty() : Optional.of(form.value("idempotencyKey"))
                    .filter(k -> !k.isBlank() && k.length() <= 200);
            AdjustmentResult result = adjustments.adjust(planId, AdjustmentForm.version(form), request,
                    PlanResource.actor(identity), key);
            if (result instanceof AdjustmentResult.Previewed previewed) {
                PageForm again = AdjustmentForm.withNewKey(form);
                return page(200, plan, again, ChangeWords.of(previewed), List.of());
            }
            return PageAnswers.seeOther(UriBuilder.fromPath("/coach/plans/{id}").queryParam("done", "adjusted")
                    .build(planId).toString());
        } catch (ProblemException unreadable) {
            return page(400, plan, form.withErrors(AdjustmentForm.onFields(unreadable.errors())), null, List.of());
        } catch (Refusal.Invalid invalid) {
            return page(400, plan, form.withViolations(invalid.violations()), null, List.of());
        } catch (Refusal.RulesRefused refused) {
            return page(422, plan, form, null, refused.reasons().stream().map(AdjustmentPage::words).toList());
        } catch (Refusal.Stale stale) {
            return page(412, plan, form.withGeneral("Someone changed this plan after this form was made: the plan is "
                    + "at version " + stale.currentVersion() + " now, and nothing was saved. Open the plan again, see "
                    + "what changed, then make your change from there."), null, List.of());
        } catch (Refusal.Conflict conflict) {
            return page(409, plan, form.withGeneral(conflict.getMessage()), null, List.of());
        }
    }

    private Response page(int status, PlanView plan, PageForm form, ChangeWords preview, List<Refused> refusals) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneId.of(plan.timeZone())));
        List<String> overridable = refusals.stream().flatMap(r -> r.rules().stream()).map(Words.Option::value)
                .filter(PlanRules.overridableRules()::contains).distinct().toList();
        return HtmlPages.page(status, Templates.adjust(Viewer.of(identity),
                new Subject(plan.id(), plan.version(), Words.status(plan.status()), plan.timeZone()),
                AdjustmentForm.posted(plan.id(), form, overridable), AdjustmentForm.choices(plan, now), preview,
                preview == null ? List.of() : hidden(form), refusals).render());
    }

    /** The save form carries what was previewed, unchanged. */
    private static List<Hidden> hidden(PageForm form) {
        List<Hidden> hidden = new ArrayList<>();
        for (Map.Entry<String, List<String>> field : form.values().entrySet()) {
            field.getValue().stream().filter(v -> v != null && !v.isEmpty())
                    .forEach(v -> hidden.add(new Hidden(field.getKey(), v)));
        }
        return hidden;
    }

    /** A rule's refusal in words: what the rules said, each rule behind it, and whether it may be set aside. */
    private static Refused words(Adjustment.Refusal reason) {
        List<Words.Option> rules = reason.ruleIds().stream().map(id -> new Words.Option(id, Words.rule(id), null))
                .toList();
        return new Refused(reason.message(), reason.itemId(), rules,
                !reason.ruleIds().isEmpty() && PlanRules.overridableRules().containsAll(reason.ruleIds()));
    }
}
