package dev.wellplan.planner.plan.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.planner.Api;
import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.RealServers;
import dev.wellplan.planner.web.Browser;
import dev.wellplan.planner.plan.app.Confirmations;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Invariant 8: an enrollment waits for its client's confirmation (only a POST confirms: mail scanners fetch
 * links), expires unconfirmed with what it said forgotten, and an address cannot be enrolled without limit.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class ConfirmationApiTest {

    @Inject
    Jdbi jdbi;

    @Inject
    Confirmations confirmations;

    @Test
    void an_enrollment_waits_for_its_client_and_the_confirmation_is_a_silent_new_version() {
        String id = Api.enroll(Assessments.valid());
        assertThat(lastEvent(id).plan().status()).isEqualTo("PENDING_CONFIRMATION");

        Api.confirm(id).then().statusCode(200).body("status", equalTo("ACTIVE")).header("ETag", "\"2\"");
        Api.confirm(id).then().statusCode(200).header("ETag", "\"2\""); // a second click changes nothing

        PlanEvent confirmed = lastEvent(id);
        assertThat(confirmed.planVersion()).isEqualTo(2);
        assertThat(confirmed.plan().status()).isEqualTo("ACTIVE");
        assertThat(confirmed.change().silent()).as("the welcome says it all; no 'your plan changed'").isTrue();
    }

    @Test
    void the_page_asks_with_one_button_and_only_its_post_confirms() {
        String id = Api.enroll(Assessments.valid());
        String token = Api.link("confirm", id, Duration.ofHours(1));

        given().queryParam("token", token).get("/confirm").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("X-Frame-Options", "DENY").header("Referrer-Policy", "no-referrer")
                .body(containsString("<form method=\"post\" action=\"/confirm\">"))
                .body(containsString("name=\"csrf-token\""));
        Api.asAdmin().get("/api/plans/" + id).then().body("status", equalTo("PENDING_CONFIRMATION"));

        Browser.form(Browser.anonymous()).formParam("token", token).post("/confirm").then().statusCode(200)
                .body(containsString("your plan is confirmed"));
        Api.asAdmin().get("/api/plans/" + id).then().body("status", equalTo("ACTIVE"));

        given().queryParam("token", "forged").get("/confirm").then().statusCode(400)
                .body(containsString("does not work"));
        given().queryParam("token", Api.link("plan", id, Duration.ofHours(1))).get("/confirm").then().statusCode(400);
        given().queryParam("token", Api.link("confirm", id, Duration.ofSeconds(-10))).get("/confirm")
                .then().statusCode(410);
    }

    @Test
    void an_unconfirmed_enrollment_expires_and_what_it_said_is_forgotten() {
        String id = Api.enroll(Assessments.withRedFlags("[\"FEVER\"]"));

        confirmations.expire(UUID.fromString(id));

        Api.asAdmin().get("/api/plans/" + id).then().statusCode(200).body("status", equalTo("EXPIRED"));
        Map<String, Object> client = jdbi.withHandle(h -> h.createQuery("""
                SELECT c.name, c.email, p.assessment::text AS assessment FROM planner.client c
                JOIN planner.plan p ON p.client_id = c.id WHERE p.id = :id""")
                .bind("id", UUID.fromString(id)).mapToMap().one());
        assertThat(client.get("name")).isEqualTo("");
        assertThat((String) client.get("email")).endsWith(".invalid");
        assertThat((String) client.get("assessment")).doesNotContain("FEVER");
        PlanEvent expired = lastEvent(id);
        assertThat(expired.plan().status()).isEqualTo("EXPIRED");
        assertThat(expired.plan().client().email()).doesNotContain("example.com");
        Api.confirm(id).then().statusCode(409).contentType("application/problem+json");
        Browser.form(Browser.anonymous()).formParam("token", Api.link("confirm", id, Duration.ofHours(1)))
                .post("/confirm").then().statusCode(410).body(containsString("expired"));
    }

    @Test
    void a_fourth_enrollment_of_one_address_in_a_day_is_refused_with_429() {
        String address = Assessments.newAddress();
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(Assessments.valid(Assessments.nextMonday(), "[]", address))
                    .post("/api/enrollments").then().statusCode(201);
        }
        given().contentType(ContentType.JSON).body(Assessments.valid(Assessments.nextMonday(), "[]",
                        address.toUpperCase()))
                .post("/api/enrollments").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        long stored = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM planner.rate_event WHERE key LIKE :a")
                .bind("a", "%" + address + "%").mapTo(Long.class).one());
        assertThat(stored).as("the limits keep hashes, not addresses").isZero();
        given().contentType(ContentType.JSON).body(Assessments.valid()).post("/api/enrollments")
                .then().statusCode(201); // another address is not affected
    }

    @Test
    void signing_out_everywhere_refuses_the_links_sent_before() {
        String id = Api.confirmedPlanOfCoach(Assessments.valid());
        String before = Api.link("plan", id, java.time.Instant.now().minusSeconds(60),
                java.time.Instant.now().plus(Duration.ofDays(1))); // the link of an e-mail of a minute ago
        given().queryParam("token", before).get("/api/plans/" + id).then().statusCode(200);

        given().contentType(ContentType.JSON).queryParam("token", before).post("/api/plans/" + id + "/sign-out").then().statusCode(204);

        given().queryParam("token", before).get("/api/plans/" + id).then().statusCode(403)
                .body("detail", containsString("signed out"));
        String after = Api.link("plan", id, Duration.ofDays(1)); // issued later: a fresh link by e-mail works
        given().queryParam("token", after).get("/api/plans/" + id).then().statusCode(200);
    }

    private PlanEvent lastEvent(String planId) {
        List<String> payloads = jdbi.withHandle(h -> h.createQuery(
                        "SELECT payload FROM planner.outbox WHERE aggregate_id = :id ORDER BY seq DESC LIMIT 1")
                .bind("id", UUID.fromString(planId)).mapTo(String.class).list());
        return PlanEventCodec.fromJson(payloads.get(0));
    }
}
