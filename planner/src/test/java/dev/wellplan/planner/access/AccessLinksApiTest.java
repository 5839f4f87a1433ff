package dev.wellplan.planner.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

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
import io.restassured.response.ValidatableResponse;

/** Fresh links by e-mail: only to an address with a confirmed plan, the same answer either way, and limited. */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class AccessLinksApiTest {

    @Inject
    Jdbi jdbi;

    @Test
    void an_address_with_a_plan_gets_fresh_links_and_the_answer_is_the_same_for_any_address() {
        String address = Assessments.newAddress();
        String id = Api.enroll(Assessments.valid(Assessments.nextMonday(), "[]", address));
        Api.confirm(id).then().statusCode(200);
        String pending = Api.enroll(Assessments.valid(Assessments.nextMonday(), "[]", Assessments.newAddress()));

        String known = ask(address.toUpperCase()).statusCode(202).extract().path("message");
        String unknown = ask(Assessments.newAddress()).statusCode(202).extract().path("message");

        assertThat(unknown).isEqualTo(known);
        List<PlanEvent> requests = requests(id);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).planVersion()).as("the plan as it stands, not a new version").isEqualTo(2);
        Api.asAdmin().get("/api/plans/" + id).then().body("version", equalTo(2));
        assertThat(requests(pending)).as("an unconfirmed enrollment gets no links").isEmpty();
    }

    @Test
    void an_address_asking_too_often_is_refused_with_429_and_a_bad_one_with_400() {
        String address = Assessments.newAddress();
        for (int i = 0; i < 3; i++) {
            ask(address).statusCode(202);
        }
        ask(address).statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
        ask("not an address").statusCode(400).body("errors[0].field", equalTo("email"));
        given().contentType(ContentType.JSON).body("{}").post("/api/access-links").then().statusCode(400);
    }

    private static ValidatableResponse ask(String email) {
        return given().contentType(ContentType.JSON).body("{\"email\": \"" + email + "\"}").post("/api/access-links")
                .then();
    }

    private List<PlanEvent> requests(String planId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT payload FROM planner.outbox WHERE aggregate_id = :id AND event_type = :type ORDER BY seq")
                .bind("id", UUID.fromString(planId)).bind("type", PlanEventType.AccessLinkRequested.name())
                .mapTo(String.class).list()).stream().map(PlanEventCodec::fromJson).toList();
    }
}
