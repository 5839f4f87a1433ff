package dev.wellplan.planner.plan.web;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wellplan.planner.access.web.PageAnswers;
import dev.wellplan.planner.plan.api.EnrollmentReader;
import dev.wellplan.planner.plan.app.Enrollments;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.rules.Assessment;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import dev.wellplan.support.problem.Problem.FieldError;
import dev.wellplan.support.problem.ProblemException;
import dev.wellplan.support.web.HtmlPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * The enrollment form: the assessment of product.md in plain words. It posts the same answers the API takes, read by
 * the same {@link EnrollmentReader} and checked by the same plan rules; errors come back on their fields, the limits
 * (429) in words; a sent form says "check your inbox", since nothing happens until the client confirms.
 */
@Path("/enroll")
@Produces(MediaType.TEXT_HTML)
public class EnrollmentPage {

    /** The choices the form offers, each code with its words. */
    @TemplateData
    public record Choices(List<Words.Option> areas, List<Words.Option> patterns, List<Words.Option> drivers,
                          List<Words.Option> redFlags, List<Words.Option> days, List<Words.Option> pressures,
                          List<Words.Option> equipment, List<String> zones) {
    }

    static final Choices CHOICES = new Choices(Words.AREAS, Words.PATTERNS, Words.DRIVERS, Words.RED_FLAGS,
            Words.DAYS, Words.PRESSURES, Words.EQUIPMENT, EnrollmentForm.zones());

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(PageForm form, Choices choices, String idempotencyKey);

        static native TemplateInstance sent();
    }

    private final EnrollmentReader reader;
    private final Enrollments enrollments;
    private final ObjectMapper mapper;

    public EnrollmentPage(EnrollmentReader reader, Enrollments enrollments, ObjectMapper mapper) {
        this.reader = reader;
        this.enrollments = enrollments;
        this.mapper = mapper;
    }

    @GET
    @Access(value = Caller.ANYONE, audited = false)
    public Response form() {
        return HtmlPages.page(200, Templates.form(EnrollmentForm.blank(), CHOICES, UUID.randomUUID().toString()).render());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access(value = Caller.ANYONE, audited = false)
    public Response enroll(@BeanParam EnrollmentFields fields, @Context HttpServerRequest http) {
        PageForm form = fields.form();
        String key = validKey(fields.idempotencyKey);
        if (!EnrollmentForm.consented(form)) {
            form = form.withErrors(List.of(new FieldError(EnrollmentForm.CONSENT,
                    "please agree to e-mails about your plan: the plan reaches you by e-mail")));
        }
        try {
            Assessment assessment = reader.read(EnrollmentForm.toJson(form, mapper));
            if (form.hasErrors()) {
                return again(400, form, key);
            }
            String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
            // always a self-enrollment: the plan goes to the clinic's pool, whoever's browser sends the form
            enrollments.enroll(assessment, key, new Enrollments.Requester(null, address));
            return PageAnswers.seeOther("/enroll/sent");
        } catch (ProblemException unreadable) {
            return again(400, form.withErrors(unreadable.errors()), key);
        } catch (Refusal.Invalid invalid) {
            return again(400, form.withViolations(invalid.violations()), key);
        } catch (Refusal.TooMany tooMany) {
            long hours = Math.max(1, (tooMany.retryAfter().toMinutes() + 59) / 60);
            return again(429, form.withGeneral("We cannot take another enrollment from here right now: "
                    + tooMany.getMessage() + ". Please try again in about " + hours + (hours == 1 ? " hour." : " hours.")),
                    UUID.randomUUID().toString());
        } catch (Refusal.IdempotencyKeyReused reused) {
            return PageAnswers.seeOther("/enroll/sent"); // this form was sent once already
        }
    }

    @GET
    @Path("/sent")
    @Access(value = Caller.ANYONE, audited = false)
    public Response sent() {
        return HtmlPages.page(200, Templates.sent().render());
    }

    private Response again(int status, PageForm form, String key) {
        return HtmlPages.page(status, Templates.form(form, CHOICES, key).render());
    }

    /** The key the form was shown with; a missing or odd one is replaced (the API's limits: 1 to 200 characters). */
    private static String validKey(String key) {
        return key == null || key.isBlank() || key.length() > 200 ? UUID.randomUUID().toString() : key;
    }
}
