package dev.wellplan.planner.plan.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.wellplan.planner.Api;
import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.RealServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class EnrollmentApiTest {

    @Inject
    Jdbi jdbi;

    @Test
    void enrollment_returns_the_plan_with_location_and_etag() {
        String location = given().contentType(ContentType.JSON).body(Assessments.valid())
                .when().post("/api/enrollments")
                .then().statusCode(201)
                .header("Location", startsWith("/api/plans/"))
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("status", equalTo("PENDING_CONFIRMATION"))
                .body("timeZone", equalTo("Europe/Lisbon"))
                .body("items.kind", hasItem("MASSAGE"))
                .body("items[0].rules", notNullValue())
                .extract().header("Location");

        Api.asAdmin().when().get(location)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("id", equalTo(location.substring("/api/plans/".length())));
    }

    @Test
    void same_idempotency_key_gives_the_same_plan_and_stores_one() {
        String key = UUID.randomUUID().toString();
        long before = count("planner.plan");

        String assessment = Assessments.valid();
        String first = enrollWithKey(key, assessment, 201).header("Location");
        var second = enrollWithKey(key, assessment, 201);

        assertThat(second.header("Location")).isEqualTo(first);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count("planner.plan")).isEqualTo(before + 1);
        assertThat(count("planner.outbox")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void concurrent_requests_with_one_key_make_one_plan() throws Exception {
        String key = UUID.randomUUID().toString();
        String assessment = Assessments.valid();
        long before = count("planner.plan");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> enrollWithKey(key, assessment, 201).header("Location")));
            }
            Set<String> locations = new HashSet<>();
            for (Future<String> answer : answers) {
                locations.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(locations).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("planner.plan")).isEqualTo(before + 1);
    }

    @Test
    void the_same_assessment_written_differently_is_the_same_request() {
        String key = UUID.randomUUID().toString();
        String assessment = Assessments.valid();
        String first = enrollWithKey(key, assessment, 201).header("Location");
        // the massage days in another order: a set, so the same assessment
        String reordered = assessment.replace("[\"TUESDAY\", \"SATURDAY\"]", "[\"SATURDAY\", \"TUESDAY\"]");
        assertThat(reordered).isNotEqualTo(assessment);

        assertThat(enrollWithKey(key, reordered, 201).header("Location")).isEqualTo(first);
    }

    @Test
    void idempotency_key_reused_for_another_assessment_is_refused() {
        String key = UUID.randomUUID().toString();
        enrollWithKey(key, Assessments.valid(), 201);

        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Assessments.withRedFlags("[\"NUMBNESS\"]"))
                .when().post("/api/enrollments")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void red_flag_plan_awaits_clearance_without_massage_once_confirmed() {
        String id = given().contentType(ContentType.JSON).body(Assessments.withRedFlags("[\"SADDLE_NUMBNESS\"]"))
                .when().post("/api/enrollments")
                .then().statusCode(201)
                .body("status", equalTo("PENDING_CONFIRMATION"))
                .body("urgency", equalTo("SEEK_CARE_TODAY"))
                .body("items.findAll { it.kind == 'MASSAGE' }.size()", equalTo(0))
                .extract().path("id");

        Api.confirm(id).then().statusCode(200)
                .body("status", equalTo("AWAITING_CLEARANCE"))
                .body("items.findAll { it.kind == 'MASSAGE' }.size()", equalTo(0));
    }

    static Stream<Arguments> badInput() {
        String ok = Assessments.valid();
        return Stream.of(
                Arguments.of("malformed JSON", "{\"client\": ", ""),
                Arguments.of("empty body", "", ""),
                Arguments.of("wrong type", ok.replace("\"intensity\": 6", "\"intensity\": \"six\""), "pain.intensity"),
                Arguments.of("unknown enum", ok.replace("NON_SPECIFIC", "BROKEN"), "pain.pattern"),
                Arguments.of("unknown enum in list", ok.replace("\"SATURDAY\"", "\"SUNDAYISH\""), "preferences.massageDays[1]"),
                Arguments.of("unknown field", ok.replace("\"startDate\"", "\"startdate\""), "startdate"),
                Arguments.of("unknown time zone", ok.replace("Europe/Lisbon", "Mars/Olympus"), "client.timeZone"),
                Arguments.of("bad time", ok.replace("\"10:00\"", "\"25:99\""), "preferences.massageTime"),
                Arguments.of("bad date", ok.replaceFirst("\"startDate\": \"[^\"]+\"", "\"startDate\": \"2026-02-30\""), "startDate"),
                Arguments.of("missing intensity", ok.replace("\"intensity\": 6,", ""), "pain.intensity"),
                Arguments.of("intensity out of range", ok.replace("\"intensity\": 6", "\"intensity\": 11"), "pain.intensity"),
                Arguments.of("invalid e-mail", ok.replaceFirst("\"email\": \"[^\"]+\"", "\"email\": \"not-an-address\""),
                        "client.email"),
                Arguments.of("past start date", ok.replaceFirst("\"startDate\": \"[^\"]+\"", "\"startDate\": \"2020-01-06\""), "startDate"),
                Arguments.of("exercise days", ok.replace("\"exerciseDaysPerWeek\": 3", "\"exerciseDaysPerWeek\": 7"),
                        "preferences.exerciseDaysPerWeek"),
                Arguments.of("missing client", ok.replaceFirst("\"client\": \\{[^}]+},", ""), "client"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void bad_input_gets_a_problem_naming_the_field_and_stores_nothing(String what, String body, String field) {
        long plans = count("planner.plan");
        long outbox = count("planner.outbox");

        var problem = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/enrollments")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .extract().jsonPath();

        assertThat(problem.getList("errors.field", String.class)).as(what).anyMatch(f -> f.startsWith(field));
        assertThat(count("planner.plan")).isEqualTo(plans);
        assertThat(count("planner.outbox")).isEqualTo(outbox);
    }

    @Test
    void oversized_body_is_refused_with_413() {
        String huge = Assessments.valid().replace("Ana Souza", "A".repeat(20_000));
        given().contentType(ContentType.JSON).body(huge)
                .when().post("/api/enrollments")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void unknown_or_malformed_plan_id_is_a_404_problem() {
        Api.asAdmin().when().get("/api/plans/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        Api.asAdmin().when().get("/api/plans/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    private io.restassured.response.ExtractableResponse<io.restassured.response.Response> enrollWithKey(
            String key, String body, int status) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/enrollments")
                .then().statusCode(status).extract();
    }

    private long count(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }
}
