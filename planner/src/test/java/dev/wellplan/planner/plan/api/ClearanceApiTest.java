package dev.wellplan.planner.plan.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.planner.Api;
import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.RealServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class ClearanceApiTest {

    @Inject
    Jdbi jdbi;

    /** A red-flag client the seeded coach enrolled, who confirmed: their plan, awaiting clearance. */
    private String awaitingPlan() {
        String id = Api.confirmedPlanOfCoach(Assessments.withRedFlags("[\"NUMBNESS\"]"));
        Api.asCoach().get("/api/plans/" + id).then().body("status", equalTo("AWAITING_CLEARANCE"));
        return id;
    }

    @Test
    void SAFE_3_a_coach_clears_the_plan_which_becomes_active_with_massage_and_a_new_event() {
        String id = awaitingPlan();

        Api.asCoach().contentType(ContentType.JSON)
                .body("{\"note\": \"GP letter seen\"}")
                .when().post("/api/plans/" + id + "/clearance")
                .then().statusCode(200)
                .header("ETag", equalTo("\"3\""))
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(3))
                .body("items.findAll { it.kind == 'MASSAGE' }.size()", equalTo(2))
                .body("items.findAll { it.kind == 'MASSAGE' }.massage.type", org.hamcrest.Matchers.everyItem(equalTo("SWEDISH")));

        List<String> events = jdbi.withHandle(h -> h.createQuery(
                "SELECT payload FROM planner.outbox WHERE aggregate_id = :id ORDER BY seq")
                .bind("id", UUID.fromString(id)).mapTo(String.class).list());
        assertThat(events).as("enrolled, confirmed, cleared").hasSize(3);
        PlanEvent cleared = PlanEventCodec.fromJson(events.get(2));
        assertThat(cleared.type()).isEqualTo(PlanEventType.PlanStatusChanged);
        assertThat(cleared.plan().status()).isEqualTo("ACTIVE");
        assertThat(cleared.change().actor()).as("events name the coach by account id, never by address")
                .isEqualTo(cleared.plan().coachId()).matches("[0-9a-f-]{36}");
        assertThat(events.get(2)).as("the note stays out of the event").doesNotContain("GP letter");

        Api.asCoach().when().get("/api/plans/" + id + "/history")
                .then().statusCode(200)
                .body("actor", equalTo(java.util.Arrays.asList(null, "client", "coach")))
                .body("[2].reason", equalTo("medical clearance: GP letter seen"));
    }

    @Test
    void SAFE_3_only_a_coach_or_admin_may_clear() {
        String id = awaitingPlan();

        given().contentType(ContentType.JSON).body("{}").when().post("/api/plans/" + id + "/clearance")
                .then().statusCode(401);
        given().auth().preemptive().basic("coach", "not-the-password").contentType(ContentType.JSON).body("{}")
                .when().post("/api/plans/" + id + "/clearance")
                .then().statusCode(401).contentType("application/problem+json");
        Api.asAdmin().when().get("/api/plans/" + id).then().body("status", equalTo("AWAITING_CLEARANCE"));
    }

    @Test
    void clearing_a_plan_that_is_not_awaiting_clearance_is_a_conflict_and_changes_nothing() {
        String id = Api.confirmedPlanOfCoach(Assessments.valid());

        Api.asCoach().contentType(ContentType.JSON).body("{}")
                .when().post("/api/plans/" + id + "/clearance")
                .then().statusCode(409).contentType("application/problem+json");
        Api.asCoach().when().get("/api/plans/" + id).then().body("version", equalTo(2)); // enrolled, confirmed
        Api.asCoach().contentType(ContentType.JSON).body("{}")
                .when().post("/api/plans/" + UUID.randomUUID() + "/clearance")
                .then().statusCode(404);
        Api.asAdmin().contentType(ContentType.JSON).body("{}")
                .when().post("/api/plans/" + UUID.randomUUID() + "/clearance")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
