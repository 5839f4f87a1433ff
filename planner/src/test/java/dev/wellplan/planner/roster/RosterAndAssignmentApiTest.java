package dev.wellplan.planner.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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

/** A plan belongs to a coach or to the unassigned pool: claim, assign, and the roster that lists them. */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class RosterAndAssignmentApiTest {

    @Inject
    Jdbi jdbi;

    @Test
    void a_coach_claims_a_plan_from_the_pool_and_the_notifier_hears_of_it_silently() {
        String id = Api.enroll(Assessments.valid());
        assertThat(Api.roster("scope=unassigned")).contains(id);

        Api.asCoach().post("/api/plans/" + id + "/claim").then().statusCode(200).header("ETag", "\"2\"")
                .body("coachId", not(nullValue()));
        Api.asCoach().post("/api/plans/" + id + "/claim").then().statusCode(200).header("ETag", "\"2\"");

        PlanEvent assigned = PlanEventCodec.fromJson(lastEvent(id));
        assertThat(assigned.type()).isEqualTo(PlanEventType.PlanAssigned);
        assertThat(assigned.change().silent()).isTrue();
        assertThat(assigned.plan().coachId()).isEqualTo(assigned.change().actor());
        assertThat(Api.roster("scope=mine")).contains(id);
        assertThat(Api.roster("scope=unassigned")).doesNotContain(id);
        Api.asCoach().get("/api/plans/" + id + "/history").then().statusCode(200)
                .body("event", equalTo(List.of("PlanCreated", "PlanAssigned")));
    }

    @Test
    void an_admin_assigns_reassigns_and_returns_a_plan_to_the_pool() {
        String id = Api.enrollAsCoach(Assessments.valid());
        String other = Api.asAdmin().contentType(ContentType.JSON)
                .body("{\"email\": \"next-" + UUID.randomUUID() + "@example.org\", \"name\": \"Next\","
                        + " \"password\": \"a long enough password\"}")
                .post("/api/admin/coaches").then().statusCode(201).extract().path("id");

        Api.asAdmin().contentType(ContentType.JSON).body("{\"coachId\": \"" + other + "\"}")
                .put("/api/plans/" + id + "/coach").then().statusCode(200).body("coachId", equalTo(other));
        Api.asCoach().get("/api/plans/" + id).then().statusCode(404); // no longer the seeded coach's
        Api.asAdmin().contentType(ContentType.JSON).body("{\"coachId\": null}")
                .put("/api/plans/" + id + "/coach").then().statusCode(200).body("coachId", nullValue());
        Api.asCoach().get("/api/plans/" + id).then().statusCode(200); // in the pool: any coach may look

        Api.asAdmin().contentType(ContentType.JSON).body("{\"coachId\": \"" + UUID.randomUUID() + "\"}")
                .put("/api/plans/" + id + "/coach").then().statusCode(400).body("errors[0].field", equalTo("coachId"));
        Api.asAdmin().contentType(ContentType.JSON).body("{\"coachId\": \"not-an-id\"}")
                .put("/api/plans/" + id + "/coach").then().statusCode(400);
    }

    @Test
    void the_roster_pages_filters_by_status_and_refuses_what_it_cannot_read() {
        for (int i = 0; i < 3; i++) {
            Api.confirmedPlanOfCoach(Assessments.withRedFlags("[\"FEVER\"]"));
        }
        Api.asCoach().get("/api/coach/plans?status=AWAITING_CLEARANCE&size=2&page=1").then().statusCode(200)
                .body("size", equalTo(2)).body("plans.size()", equalTo(2))
                .body("plans.status", everyItem(equalTo("AWAITING_CLEARANCE")))
                .body("total", greaterThanOrEqualTo(3));
        Api.asCoach().get("/api/coach/plans?scope=all").then().statusCode(400).body("errors[0].field", equalTo("scope"));
        Api.asAdmin().get("/api/coach/plans?scope=all&size=1").then().statusCode(200).body("plans.size()", equalTo(1));
        Api.asCoach().get("/api/coach/plans?status=ASLEEP").then().statusCode(400);
        Api.asCoach().get("/api/coach/plans?size=500").then().statusCode(400).body("errors[0].field", equalTo("size"));
        Api.asCoach().get("/api/coach/plans?page=0").then().statusCode(400);
    }

    private String lastEvent(String planId) {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT payload FROM planner.outbox WHERE aggregate_id = :id ORDER BY seq DESC LIMIT 1")
                .bind("id", UUID.fromString(planId)).mapTo(String.class).one());
    }
}
