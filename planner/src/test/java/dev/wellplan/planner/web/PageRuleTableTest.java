package dev.wellplan.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.wellplan.planner.Api;
import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.CheckInScenes;
import dev.wellplan.planner.RealServers;
import dev.wellplan.support.web.HtmlPages;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The pages' access rule table (docs/access.md, "The planner's pages"), tested as a table like the API's: every page
 * route × every kind of caller → the expected answer. Coaches are signed in with the form (the session cookie), every
 * form carries its CSRF token. A signed-out visitor of a coach page is sent to the sign-in page; a refusal is a page
 * with the refusal's status. The routes are enumerated from the resource classes of the {@code web} packages: a page
 * route the table does not name fails the test.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class PageRuleTableTest {

    enum Who { ANONYMOUS, CLIENT_LINK, OTHER_CLIENT_LINK, ASSIGNED_COACH, OTHER_COACH, POOL_COACH, ADMIN }

    /** What a page answers: shown (or a form's redirect onwards), sent to sign in, or a refusal page. */
    enum Answer {
        SHOWN, SIGN_IN, E401, E403, E404;

        static Answer of(Response answer) {
            int status = answer.statusCode();
            if (status == 303 || status == 302) {
                // to the sign-in form itself; after signing out it says so ("/sign-in?signed-out=true"), which is shown
                return answer.header("Location").replaceFirst("^https?://[^/]+", "").equals("/sign-in") ? SIGN_IN : SHOWN;
            }
            if (status >= 200 && status < 300) {
                return SHOWN;
            }
            return switch (status) {
                case 401 -> E401;
                case 403 -> E403;
                case 404 -> E404;
                default -> throw new AssertionError("an answer neither shown nor refused: " + status);
            };
        }
    }

    private static final Answer S = Answer.SHOWN;
    private static final Answer IN = Answer.SIGN_IN;
    private static final Answer E401 = Answer.E401;
    private static final Answer E403 = Answer.E403;
    private static final Answer E404 = Answer.E404;

    private interface Call {
        Response send(RequestSpecification caller, String planId);
    }

    private record Rule(String link, List<Answer> expected, Call call) {
        Answer expect(Who who) {
            return expected.get(who.ordinal());
        }
    }

    private static final Map<String, Rule> TABLE = new LinkedHashMap<>();
    /** A page whose link carries its own token: callers add none of theirs. */
    private static final String TOKEN_OF_ITS_OWN = "-";

    static {
        //                                            anon  link  other assig other pool  admin
        rule("GET /enroll", "", List.of(S, S, S, S, S, S, S), (c, id) -> c.get("/enroll"));
        rule("POST /enroll", "", List.of(S, S, S, S, S, S, S),
                (c, id) -> Browser.form(c).formParams(EnrollmentForms.valid(Assessments.newAddress())).post("/enroll"));
        rule("GET /enroll/sent", "", List.of(S, S, S, S, S, S, S), (c, id) -> c.get("/enroll/sent"));
        rule("GET /confirm", TOKEN_OF_ITS_OWN, List.of(S, S, S, S, S, S, S),
                (c, id) -> c.queryParam("token", Api.link("confirm", id, Duration.ofHours(1))).get("/confirm"));
        rule("POST /confirm", TOKEN_OF_ITS_OWN, List.of(S, S, S, S, S, S, S),
                (c, id) -> Browser.form(c).formParam("token", Api.link("confirm", id, Duration.ofHours(1))).post("/confirm"));
        rule("GET /check-in", TOKEN_OF_ITS_OWN, List.of(S, S, S, S, S, S, S),
                (c, id) -> c.queryParam("token", Api.link("check-in", id, Duration.ofHours(1))).get("/check-in"));
        rule("POST /check-in", TOKEN_OF_ITS_OWN, List.of(S, S, S, S, S, S, S),
                (c, id) -> Browser.form(c).formParam("token", Api.link("check-in", id, Duration.ofHours(1)))
                        .formParam("soreness", "1").formParam("pain", "2").post("/check-in"));
        rule("GET /sign-in", "", List.of(S, S, S, S, S, S, S), (c, id) -> c.get("/sign-in"));
        rule("POST /sign-out", "", List.of(IN, IN, IN, S, S, S, S), (c, id) -> Browser.form(c).post("/sign-out"));
        rule("GET /plans/{id}", "plan", List.of(E401, S, E403, E403, E403, E403, E403),
                (c, id) -> c.get("/plans/" + id));
        rule("GET /coach/roster", "", List.of(IN, IN, IN, S, S, S, S), (c, id) -> c.get("/coach/roster"));
        rule("GET /coach/plans/{id}", "", List.of(IN, IN, IN, S, E404, S, S), (c, id) -> c.get("/coach/plans/" + id));
        rule("GET /coach/plans/{id}/history", "", List.of(IN, IN, IN, S, E404, S, S),
                (c, id) -> c.get("/coach/plans/" + id + "/history"));
        rule("POST /coach/plans/{id}/claim", "", List.of(IN, IN, IN, S, E404, S, E403),
                (c, id) -> Browser.form(c).post("/coach/plans/" + id + "/claim"));
        rule("POST /coach/plans/{id}/clearance", "", List.of(IN, IN, IN, S, E404, E404, S),
                (c, id) -> Browser.form(c).formParam("note", "cleared by GP").post("/coach/plans/" + id + "/clearance"));
        rule("POST /coach/plans/{id}/alerts/{aid}/clear", "", List.of(IN, IN, IN, S, E404, E404, S),
                (c, id) -> Browser.form(c).post("/coach/plans/" + id + "/alerts/" + CheckInScenes.alert(id) + "/clear"));
        rule("POST /coach/plans/{id}/proposals/{pid}/accept", "", List.of(IN, IN, IN, S, E404, E404, S),
                (c, id) -> {
                    String proposal = CheckInScenes.proposal(id); // a new version, when it records clearance first
                    return Browser.form(c).formParam("version", version(id))
                            .post("/coach/plans/" + id + "/proposals/" + proposal + "/accept");
                });
        rule("POST /coach/plans/{id}/proposals/{pid}/dismiss", "", List.of(IN, IN, IN, S, E404, E404, S),
                (c, id) -> Browser.form(c).post("/coach/plans/" + id + "/proposals/" + CheckInScenes.proposal(id)
                        + "/dismiss"));
        rule("POST /coach/plans/{id}/coach", "", List.of(IN, IN, IN, E403, E403, E403, S),
                (c, id) -> Browser.form(c).formParam("coachId", "").post("/coach/plans/" + id + "/coach"));
        rule("POST /coach/plans/{id}/adjustments/preview", "", List.of(IN, IN, IN, S, E404, E404, S),
                (c, id) -> Browser.form(c).formParams(quietHours(id)).post("/coach/plans/" + id + "/adjustments/preview"));
        rule("POST /coach/plans/{id}/adjustments", "", List.of(IN, IN, IN, S, E404, E404, S),
                (c, id) -> Browser.form(c).formParams(quietHours(id)).formParam("idempotencyKey", UUID.randomUUID().toString())
                        .post("/coach/plans/" + id + "/adjustments"));
        rule("GET /admin/coaches", "", List.of(IN, IN, IN, E403, E403, E403, S), (c, id) -> c.get("/admin/coaches"));
        rule("POST /admin/coaches", "", List.of(IN, IN, IN, E403, E403, E403, S),
                (c, id) -> Browser.form(c).formParam("email", "new-" + UUID.randomUUID() + "@example.org")
                        .formParam("name", "New Coach").formParam("password", "a long enough password").post("/admin/coaches"));
        rule("POST /admin/coaches/{id}/disable", "", List.of(IN, IN, IN, E403, E403, E403, S),
                (c, id) -> Browser.form(c).post("/admin/coaches/" + Api.throwawayCoach() + "/disable"));
        rule("POST /admin/coaches/{id}/enable", "", List.of(IN, IN, IN, E403, E403, E403, S),
                (c, id) -> Browser.form(c).post("/admin/coaches/" + Api.throwawayCoach() + "/enable"));
    }

    private static void rule(String route, String link, List<Answer> expected, Call call) {
        TABLE.put(route, new Rule(link, expected, call));
    }

    @Test
    void every_page_route_has_a_rule_in_the_table() {
        assertThat(pageRoutes()).as("page routes of the web packages").containsExactlyInAnyOrderElementsOf(TABLE.keySet());
    }

    @Test
    void every_page_answers_every_caller_as_the_table_says() {
        List<String> wrong = new ArrayList<>();
        TABLE.forEach((route, rule) -> {
            for (Who who : Who.values()) {
                String planId = who == Who.POOL_COACH ? Api.confirmedPoolPlan(awaiting()) : Api.confirmedPlanOfCoach(awaiting());
                Response answer = rule.call().send(caller(who, rule, planId), planId);
                Answer got = Answer.of(answer);
                if (got != rule.expect(who)) {
                    wrong.add(route + " as " + who + ": expected " + rule.expect(who) + ", got " + answer.statusCode()
                            + " " + answer.header("Location"));
                } else if (answer.statusCode() < 300 || answer.statusCode() >= 400) {
                    if (!answer.contentType().startsWith("text/html")
                            || !HtmlPages.CONTENT_SECURITY_POLICY.equals(answer.header("Content-Security-Policy"))
                            && !HtmlPages.SCRIPTED_CONTENT_SECURITY_POLICY.equals(answer.header("Content-Security-Policy"))
                            || !"DENY".equals(answer.header("X-Frame-Options"))
                            || !"no-referrer".equals(answer.header("Referrer-Policy"))) {
                        wrong.add(route + " as " + who + ": not a page with the pages' headers");
                    }
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_form_without_its_csrf_token_is_refused() {
        String planId = Api.confirmedPlanOfCoach(awaiting());
        Browser.signedIn(Api.COACH, Api.COACH_PASSWORD).contentType(ContentType.URLENC).formParam("note", "forged")
                .post("/coach/plans/" + planId + "/clearance").then().statusCode(400);
        Browser.signedIn(Api.COACH, Api.COACH_PASSWORD).contentType(ContentType.URLENC)
                .formParam(Browser.CSRF_FIELD, "not-the-cookie").post("/coach/plans/" + planId + "/clearance")
                .then().statusCode(400);
        Api.asCoach().get("/api/plans/" + planId).then().body("status", org.hamcrest.Matchers.is("AWAITING_CLEARANCE"));
    }

    private static RequestSpecification caller(Who who, Rule rule, String planId) {
        String purpose = rule.link().isEmpty() ? "plan" : rule.link();
        if (rule.link().equals(TOKEN_OF_ITS_OWN) && (who == Who.CLIENT_LINK || who == Who.OTHER_CLIENT_LINK)) {
            return Browser.anonymous();
        }
        return switch (who) {
            case ANONYMOUS -> Browser.anonymous();
            case CLIENT_LINK -> Browser.anonymous().queryParam("token", Api.link(purpose, planId, Duration.ofHours(1)));
            case OTHER_CLIENT_LINK -> Browser.anonymous().queryParam("token",
                    Api.link(purpose, UUID.randomUUID().toString(), Duration.ofHours(1)));
            case ASSIGNED_COACH, POOL_COACH -> Browser.signedIn(Api.COACH, Api.COACH_PASSWORD);
            case OTHER_COACH -> Browser.signedIn(Api.otherCoach(), Api.OTHER_COACH_PASSWORD);
            case ADMIN -> Browser.signedIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        };
    }

    /** Every route of the page resource classes (packages named {@code web}), as {@code METHOD /path/{param}}. */
    static Set<String> pageRoutes() {
        Set<String> routes = new TreeSet<>();
        // the planner's compiled classes (in a @QuarkusTest its classes come from Quarkus' class loader, which has no
        // code source to import them from)
        for (JavaClass type : new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPath(java.nio.file.Path.of("target/classes"))) {
            if (!type.isAnnotatedWith(Path.class) || !type.getPackageName().endsWith(".web")) {
                continue;
            }
            String base = type.reflect().getAnnotation(Path.class).value();
            for (Method method : type.reflect().getDeclaredMethods()) {
                for (Class<? extends java.lang.annotation.Annotation> verb
                        : List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)) {
                    if (method.isAnnotationPresent(verb)) {
                        Path sub = method.getAnnotation(Path.class);
                        String path = (base + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                        routes.add(verb.getSimpleName() + " " + (path.length() > 1 ? path.replaceAll("/$", "") : path));
                    }
                }
            }
        }
        return routes;
    }

    /** An adjustment the rules allow on a plan awaiting clearance: other quiet hours, from the plan's version. */
    private static Map<String, String> quietHours(String planId) {
        return Map.of("op", "changeSchedule", "quietHours.from", "22:00", "quietHours.to", "06:30",
                "reason", "client sleeps later now", "version", version(planId));
    }

    /** The plan's version, as its page shows it for a form to send back. */
    private static String version(String planId) {
        return Api.asAdmin().get("/api/plans/" + planId).header("ETag").replace("\"", "");
    }

    private static String awaiting() {
        return Assessments.withRedFlags("[\"TINGLING\"]");
    }

}
