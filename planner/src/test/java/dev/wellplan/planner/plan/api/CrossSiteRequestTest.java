package dev.wellplan.planner.plan.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.wellplan.planner.Api;
import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.RealServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What another site's page can make a signed-in coach's browser send, and what the planner does with it
 * (JsonRequestGuard): a JSON route that changes state refuses a foreign Origin (403) and a body that is not
 * {@code application/json} (415), each as an RFC 9457 problem, and nothing changes. API clients, which send no
 * Origin, and the planner's own pages go on.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class CrossSiteRequestTest {

    private static final String EVIL = "https://evil.example";
    /** wellplan.http.allowed-origins of the test profile: the planner's own public URL. */
    private static final String OWN = "http://localhost:8080";

    private String awaitingPlan() {
        return Api.confirmedPlanOfCoach(Assessments.withRedFlags("[\"NUMBNESS\"]"));
    }

    @Test
    void clearance_posted_as_text_plain_is_refused_415_and_changes_nothing() {
        String id = awaitingPlan();

        Api.asCoach().contentType(ContentType.TEXT).body("{\"note\": \"cleared\"}")
                .when().post("/api/plans/" + id + "/clearance")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        Api.asCoach().contentType("application/x-www-form-urlencoded").body("note=cleared")
                .when().post("/api/plans/" + id + "/clearance")
                .then().statusCode(415).contentType("application/problem+json");
        Api.asCoach().get("/api/plans/" + id).then().body("status", equalTo("AWAITING_CLEARANCE"));
    }

    @Test
    void clearance_from_another_sites_page_is_refused_403_and_changes_nothing() {
        String id = awaitingPlan();

        Api.asCoach().header("Origin", EVIL).contentType(ContentType.JSON).body("{}")
                .when().post("/api/plans/" + id + "/clearance")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        Api.asCoach().header("Origin", "null").contentType(ContentType.JSON).body("{}")
                .when().post("/api/plans/" + id + "/clearance")
                .then().statusCode(403).contentType("application/problem+json");
        Api.asCoach().header("Sec-Fetch-Site", "cross-site").contentType(ContentType.JSON).body("{}")
                .when().post("/api/plans/" + id + "/clearance")
                .then().statusCode(403);
        Api.asCoach().get("/api/plans/" + id).then().body("status", equalTo("AWAITING_CLEARANCE"));
    }

    @Test
    void the_planners_own_pages_and_api_clients_may_record_clearance() {
        String fromOwnPage = awaitingPlan();
        Api.asCoach().header("Origin", OWN).contentType(ContentType.JSON).body("{}")
                .when().post("/api/plans/" + fromOwnPage + "/clearance")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));

        String fromScript = awaitingPlan();
        Api.asCoach().contentType("application/json; charset=UTF-8").body("{}")
                .when().post("/api/plans/" + fromScript + "/clearance")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void a_route_without_a_body_refuses_a_foreign_origin_and_a_body_of_another_type() {
        String id = Api.enroll(Assessments.valid());

        Api.asCoach().header("Origin", EVIL).when().post("/api/plans/" + id + "/claim")
                .then().statusCode(403).contentType("application/problem+json");
        Api.asCoach().contentType(ContentType.TEXT).body("claim").when().post("/api/plans/" + id + "/claim")
                .then().statusCode(415).contentType("application/problem+json");
        Api.asAdmin().get("/api/plans/" + id).then().body("coachId", equalTo(null));
        Api.asCoach().when().post("/api/plans/" + id + "/claim").then().statusCode(200);
    }

    @Test
    void an_enrollment_from_another_sites_page_or_as_a_form_is_refused_and_reading_stays_open() {
        given().header("Origin", EVIL).contentType(ContentType.JSON).body(Assessments.valid())
                .when().post("/api/enrollments")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body(Assessments.valid())
                .when().post("/api/enrollments")
                .then().statusCode(415).contentType("application/problem+json");

        String id = Api.enrollAsCoach(Assessments.valid());
        Api.asCoach().header("Origin", EVIL).when().get("/api/plans/" + id).then().statusCode(200);
    }
}
