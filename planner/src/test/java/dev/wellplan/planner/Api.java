package dev.wellplan.planner;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.wellplan.calendar.SignedLinks;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The planner's API as its callers reach it: anonymous, the seeded coach and admin, a client's signed link. */
public final class Api {

    public static final String COACH = "coach";
    public static final String COACH_PASSWORD = "coach-local";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-local";

    private Api() {
    }

    /**
     * The seeded coach over HTTP Basic, sending JSON like every API caller: a POST that says it is a form (RestAssured's
     * default for a POST without a body) must carry the pages' CSRF token, or the CSRF filter refuses it.
     */
    public static RequestSpecification asCoach() {
        return given().contentType(ContentType.JSON).auth().preemptive().basic(COACH, COACH_PASSWORD);
    }

    public static RequestSpecification asAdmin() {
        return given().contentType(ContentType.JSON).auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    /**
     * Every plan id the seeded coach's roster lists for {@code query} (such as {@code scope=unassigned}), page by page:
     * the tests share one database, so a list grows past any one page.
     */
    public static List<String> roster(String query) {
        List<String> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<String> found = asCoach().get("/api/coach/plans?size=200&page=" + page + "&" + query).then()
                    .statusCode(200).extract().path("plans.planId");
            ids.addAll(found);
            if (found.size() < 200) {
                return ids;
            }
        }
    }

    /** A self-enrollment: the plan goes to the clinic's unassigned pool. Returns its id. */
    public static String enroll(String assessment) {
        return given().contentType(ContentType.JSON).body(assessment).when().post("/api/enrollments")
                .then().statusCode(201).extract().path("id");
    }

    /** A client the seeded coach enrolls: the plan is theirs. Returns its id. */
    public static String enrollAsCoach(String assessment) {
        return asCoach().contentType(ContentType.JSON).body(assessment).when().post("/api/enrollments")
                .then().statusCode(201).extract().path("id");
    }

    /** The client confirms their enrollment, as the link of the confirmation e-mail lets them. */
    public static io.restassured.response.Response confirm(String planId) {
        return given().contentType(ContentType.JSON).queryParam("token", link("confirm", planId, Duration.ofHours(1)))
                .when().post("/api/plans/" + planId + "/confirmation");
    }

    /** A client the seeded coach enrolled, who confirmed the plan: it is the coach's, and under way. Returns its id. */
    public static String confirmedPlanOfCoach(String assessment) {
        String id = enrollAsCoach(assessment);
        confirm(id).then().statusCode(200);
        return id;
    }

    /** A client link of {@code purpose} for the plan {@code subject}, signed with the test profile's key. */
    public static String link(String purpose, String subject, Duration validFor) {
        Instant now = Instant.now();
        Instant issued = validFor.isNegative() ? now.plus(validFor).minusSeconds(60) : now;
        return link(purpose, subject, issued, now.plus(validFor));
    }

    /** As {@link #link(String, String, Duration)}, issued at {@code issued}. */
    public static String link(String purpose, String subject, Instant issued, Instant expires) {
        String secret = ConfigProvider.getConfig().getValue("wellplan.links.secret", String.class);
        return new SignedLinks(secret.getBytes(StandardCharsets.UTF_8)).token(purpose, subject, issued, expires);
    }

    /** The password of {@link #otherCoach()}. */
    public static final String OTHER_COACH_PASSWORD = "other coach password";
    private static String otherCoach;

    /** A coach the rule tables' plans are not assigned to: its login, made once, when the application is up. */
    public static synchronized String otherCoach() {
        if (otherCoach == null) {
            otherCoach = "other-" + UUID.randomUUID() + "@example.org";
            asAdmin().body("{\"email\": \"" + otherCoach + "\", \"name\": \"Other Coach\", \"password\": \""
                    + OTHER_COACH_PASSWORD + "\"}").post("/api/admin/coaches").then().statusCode(201);
        }
        return otherCoach;
    }

    /** A coach account made to be disabled or enabled: its id. */
    public static String throwawayCoach() {
        return asAdmin().body("{\"email\": \"new-" + UUID.randomUUID() + "@example.org\", \"name\": \"New Coach\","
                + " \"password\": \"a long enough password\"}").post("/api/admin/coaches")
                .then().statusCode(201).extract().path("id");
    }

    /** A self-enrolled plan its client confirmed: in the pool, under way. Returns its id. */
    public static String confirmedPoolPlan(String assessment) {
        String id = enroll(assessment);
        confirm(id).then().statusCode(200);
        return id;
    }
}
