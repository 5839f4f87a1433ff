package dev.wellplan.planner.checkin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.planner.Api;
import dev.wellplan.planner.CheckInScenes;
import dev.wellplan.planner.RealServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Check-ins that feed back (issue 11): the client checks in with the link of their e-mails, or the coach for them;
 * the notifier hears which session and whether its +48 h check-in is still wanted, never the answers (AFT-2); a red
 * flag puts the plan behind the safety gate in the same transaction (SAFE-1, LIF-3); bad answers change nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class CheckInApiTest {

    private static RequestSpecification client(String planId) {
        return given().contentType(ContentType.JSON)
                .queryParam("token", Api.link("check-in", planId, Duration.ofHours(1)));
    }

    private static PlanEvent lastEvent(String planId) {
        List<String> events = CheckInScenes.events(planId);
        return PlanEventCodec.fromJson(events.get(events.size() - 1));
    }

    @Test
    void AFT_2_a_sore_answer_a_day_after_a_session_keeps_its_48_hour_check_in_and_tells_the_notifier_no_more()
            throws Exception {
        String id = CheckInScenes.activePlan();
        CheckInScenes.sessionAgo(id, "massage-1", Duration.ofHours(24));
        int version = Api.asCoach().get("/api/plans/" + id).then().extract().path("version");

        client(id).body("{\"itemId\": \"massage-1\", \"soreness\": 3, \"pain\": 2, \"redFlags\": [],"
                        + " \"note\": \"stiff in the morning\"}")
                .post("/api/plans/" + id + "/check-ins")
                .then().statusCode(201)
                .body("itemId", equalTo("massage-1")).body("hoursAfter", equalTo(24))
                .body("followUp", equalTo(true)).body("planStatus", equalTo("ACTIVE"))
                .body("urgency", equalTo("NONE")).body("proposalId", nullValue());

        String payload = CheckInScenes.events(id).get(CheckInScenes.events(id).size() - 1);
        PlanEvent recorded = PlanEventCodec.fromJson(payload);
        assertThat(recorded.type()).isEqualTo(PlanEventType.CheckInRecorded);
        assertThat(recorded.checkIn()).isEqualTo(new PlanEvent.CheckIn("massage-1", true));
        assertThat(recorded.planVersion()).as("a check-in is not a new version").isEqualTo(version);
        assertThat(payload).as("no answers on the topic").doesNotContain("stiff in the morning");
        assertThat(new ObjectMapper().readTree(payload).get("checkIn").fieldNames())
                .toIterable().containsExactlyInAnyOrder("itemId", "followUp");
        Api.asCoach().get("/api/plans/" + id).then().body("version", equalTo(version));
        Api.asCoach().get("/api/plans/" + id + "/check-ins").then().statusCode(200)
                .body("", hasSize(1)).body("[0].soreness", equalTo(3)).body("[0].note", equalTo("stiff in the morning"))
                .body("[0].recordedBy", equalTo("client"));
    }

    @Test
    void AFT_2_no_soreness_a_day_after_means_no_48_hour_check_in_and_a_report_needs_no_session() {
        String id = CheckInScenes.activePlan();
        CheckInScenes.sessionAgo(id, "massage-1", Duration.ofHours(24));

        client(id).body("{\"itemId\": \"massage-1\", \"soreness\": 0, \"pain\": 1}")
                .post("/api/plans/" + id + "/check-ins").then().statusCode(201).body("followUp", equalTo(false));
        assertThat(lastEvent(id).checkIn()).isEqualTo(new PlanEvent.CheckIn("massage-1", false));

        client(id).body("{\"soreness\": 2, \"pain\": 3}").post("/api/plans/" + id + "/check-ins")
                .then().statusCode(201).body("itemId", nullValue()).body("hoursAfter", nullValue());
        assertThat(lastEvent(id).checkIn()).isEqualTo(new PlanEvent.CheckIn(null, false));
    }

    @Test
    void a_coach_records_a_check_in_for_the_client() {
        String id = CheckInScenes.activePlan();

        Api.asCoach().body("{\"soreness\": 1, \"pain\": 4, \"note\": \"said so on the phone\"}")
                .post("/api/plans/" + id + "/check-ins").then().statusCode(201);

        Api.asCoach().get("/api/plans/" + id + "/check-ins").then()
                .body("[0].recordedBy", org.hamcrest.Matchers.not(equalTo("client"))).body("[0].pain", equalTo(4));
        assertThat(lastEvent(id).change().actor()).as("the coach by id, never by address").doesNotContain("@");
    }

    @Test
    void bad_answers_are_refused_naming_the_field_and_change_nothing() {
        String id = CheckInScenes.activePlan();
        CheckInScenes.sessionAgo(id, "massage-1", Duration.ofHours(24));
        int events = CheckInScenes.events(id).size();

        client(id).body("{\"soreness\": 11, \"redFlags\": [\"HEADACHE\"], \"note\": \"" + "x".repeat(2001) + "\"}")
                .post("/api/plans/" + id + "/check-ins").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("soreness", "pain", "redFlags[0]", "note"));
        client(id).body("{\"soreness\": \"three\", \"pain\": 1, \"mood\": \"fine\"}")
                .post("/api/plans/" + id + "/check-ins").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("soreness", "mood"));
        client(id).body("[1, 2]").post("/api/plans/" + id + "/check-ins").then().statusCode(400);
        client(id).body("{\"itemId\": \"massage-2\", \"soreness\": 1, \"pain\": 1}")
                .post("/api/plans/" + id + "/check-ins").then().statusCode(422)
                .body("errors[0].field", equalTo("itemId"))
                .body("errors[0].message", equalTo("names a session that has not taken place yet"));
        client(id).body("{\"itemId\": \"strength-w1-d1\", \"soreness\": 1, \"pain\": 1}")
                .post("/api/plans/" + id + "/check-ins").then().statusCode(422).body("errors[0].field", equalTo("itemId"));

        Api.asCoach().get("/api/plans/" + id + "/check-ins").then().body("", empty());
        assertThat(CheckInScenes.events(id)).hasSize(events);
    }

    @Test
    void a_plan_its_client_has_not_confirmed_takes_no_check_in() {
        String id = Api.enrollAsCoach(dev.wellplan.planner.Assessments.valid());

        client(id).body("{\"soreness\": 1, \"pain\": 1}").post("/api/plans/" + id + "/check-ins")
                .then().statusCode(409);
    }

    @Test
    void SAFE_1_LIF_3_a_red_flag_puts_the_plan_behind_the_gate_at_once_and_alerts_the_coach_urgently() {
        String id = CheckInScenes.activePlan();
        CheckInScenes.sessionAgo(id, "massage-1", Duration.ofHours(24));
        int version = Api.asCoach().get("/api/plans/" + id).then().extract().path("version");

        client(id).body("{\"itemId\": \"massage-1\", \"soreness\": 2, \"pain\": 5, \"redFlags\": [\"SADDLE_NUMBNESS\"]}")
                .post("/api/plans/" + id + "/check-ins")
                .then().statusCode(201)
                .body("planStatus", equalTo("AWAITING_CLEARANCE")).body("urgency", equalTo("SEEK_CARE_TODAY"))
                .body("followUp", equalTo(false));

        Api.asCoach().get("/api/plans/" + id).then().body("status", equalTo("AWAITING_CLEARANCE"))
                .body("version", equalTo(version + 1)).body("urgency", equalTo("SEEK_CARE_TODAY"))
                .body("items.findAll { it.kind == 'MASSAGE' }", empty());
        List<String> events = CheckInScenes.events(id);
        PlanEvent gated = PlanEventCodec.fromJson(events.get(events.size() - 2));
        assertThat(gated.type()).isEqualTo(PlanEventType.PlanStatusChanged);
        assertThat(gated.plan().status()).isEqualTo("AWAITING_CLEARANCE");
        assertThat(gated.change().cause()).isEqualTo(PlanEvent.Cause.CHECK_IN);
        assertThat(gated.change().silent()).isFalse();
        assertThat(events.get(events.size() - 2)).as("no health details in the event").doesNotContain("SADDLE");
        assertThat(lastEvent(id).type()).isEqualTo(PlanEventType.CheckInRecorded);
        Api.asCoach().get("/api/plans/" + id + "/history").then()
                .body("[-1].event", equalTo("PlanStatusChanged")).body("[-1].status", equalTo("AWAITING_CLEARANCE"));

        Api.asCoach().queryParam("kind", "RED_FLAG").get("/api/coach/alerts").then()
                .body("findAll { it.planId == '" + id + "' }.urgent", equalTo(List.of(true)));
        Api.asCoach().queryParam("kind", "AWAITING_CLEARANCE").get("/api/coach/alerts").then()
                .body("findAll { it.planId == '" + id + "' }", empty());

        Api.asCoach().body("{\"note\": \"seen at the emergency department, all clear\"}")
                .post("/api/plans/" + id + "/clearance").then().statusCode(200).body("status", equalTo("ACTIVE"));
        Api.asCoach().get("/api/coach/alerts").then().body("findAll { it.planId == '" + id + "' }", empty());
    }

    @Test
    void a_red_flag_on_a_plan_that_already_waits_for_clearance_changes_nothing_but_alerts() {
        String id = Api.confirmedPlanOfCoach(dev.wellplan.planner.Assessments.withRedFlags("[\"TINGLING\"]"));
        int version = Api.asCoach().get("/api/plans/" + id).then().extract().path("version");

        client(id).body("{\"soreness\": 0, \"pain\": 3, \"redFlags\": [\"LEG_WEAKNESS\"]}")
                .post("/api/plans/" + id + "/check-ins").then().statusCode(201)
                .body("planStatus", equalTo("AWAITING_CLEARANCE")).body("urgency", equalTo("SEE_DOCTOR"));

        Api.asCoach().get("/api/plans/" + id).then().body("version", equalTo(version));
        Api.asCoach().queryParam("kind", "RED_FLAG").get("/api/coach/alerts").then()
                .body("planId", hasItem(id));
    }

    @Test
    void AFT_3_soreness_at_48_hours_proposes_a_lighter_next_session_which_the_coach_accepts_as_an_adjustment() {
        String id = CheckInScenes.activePlan();
        CheckInScenes.sessionAgo(id, "massage-1", Duration.ofHours(48));
        Api.asCoach().get("/api/plans/" + id).then()
                .body("items.find { it.id == 'massage-2' }.massage.pressure", equalTo("MEDIUM"));

        String proposal = client(id).body("{\"itemId\": \"massage-1\", \"soreness\": 4, \"pain\": 2}")
                .post("/api/plans/" + id + "/check-ins").then().statusCode(201)
                .body("hoursAfter", equalTo(48)).body("followUp", equalTo(false))
                .body("proposalId", notNullValue()).extract().path("proposalId");
        Api.asCoach().queryParam("kind", "SORENESS_48H").get("/api/coach/alerts").then()
                .body("find { it.planId == '" + id + "' }.proposalId", equalTo(proposal))
                .body("find { it.planId == '" + id + "' }.subject", equalTo("massage-1"));
        String etag = CheckInScenes.etag(id);
        String accept = "/api/plans/" + id + "/proposals/" + proposal + "/accept";

        Api.asCoach().post(accept).then().statusCode(428).contentType("application/problem+json");
        Api.asCoach().header("If-Match", "\"1\"").post(accept).then().statusCode(412)
                .body("errors[0].field", equalTo("If-Match"));
        Api.asCoach().header("If-Match", etag).post(accept).then().statusCode(200)
                .header("ETag", equalTo("\"" + (Integer.parseInt(etag.replace("\"", "")) + 1) + "\""))
                .body("items.find { it.id == 'massage-2' }.massage.pressure", equalTo("LIGHT"));

        PlanEvent adjusted = lastEvent(id);
        assertThat(adjusted.type()).isEqualTo(PlanEventType.PlanAdjusted);
        assertThat(adjusted.plan().items()).filteredOn(i -> i.id().equals("massage-2"))
                .extracting(i -> i.pressure()).containsExactly("LIGHT");
        // an ordinary adjustment: the adjustments use case stored its operation, reason and change in the history
        Api.asCoach().get("/api/plans/" + id + "/history").then().body("[-1].event", equalTo("PlanAdjusted"))
                .body("[-1].operations[0].op", equalTo("changeMassage"))
                .body("[-1].operations[0].itemId", equalTo("massage-2"))
                .body("[-1].operations[0].pressure", equalTo("LIGHT"))
                .body("[-1].reason", containsString("AFT-3"))
                .body("[-1].changes.find { it.itemId == 'massage-2' }", notNullValue());
        assertThat(adjusted.change().reason()).isEqualTo("coach adjusted the plan: changeMassage");
        Api.asCoach().get("/api/coach/alerts").then().body("findAll { it.planId == '" + id + "' }", empty());
        Api.asCoach().header("If-Match", CheckInScenes.etag(id)).post(accept).then().statusCode(409);
        Api.asCoach().post("/api/plans/" + id + "/proposals/" + proposal + "/dismiss").then().statusCode(409);
    }

    @Test
    void AFT_3_a_dismissed_proposal_leaves_the_plan_as_it_was_and_clears_the_alert() {
        String id = CheckInScenes.activePlan();
        String proposal = CheckInScenes.proposal(id);
        String etag = CheckInScenes.etag(id);

        Api.asCoach().post("/api/plans/" + id + "/proposals/" + proposal + "/dismiss").then().statusCode(200)
                .body("status", equalTo("DISMISSED"));
        Api.asCoach().post("/api/plans/" + id + "/proposals/" + proposal + "/dismiss").then().statusCode(200);

        assertThat(CheckInScenes.etag(id)).isEqualTo(etag);
        Api.asCoach().get("/api/coach/alerts").then().body("findAll { it.planId == '" + id + "' }", empty());
        Api.asCoach().post("/api/plans/" + id + "/proposals/" + java.util.UUID.randomUUID() + "/dismiss")
                .then().statusCode(404);
    }

    @Test
    void outsiders_reach_no_check_in_and_no_proposal() {
        String id = CheckInScenes.activePlan();
        String proposal = CheckInScenes.proposal(id);
        String body = "{\"soreness\": 1, \"pain\": 1}";

        given().contentType(ContentType.JSON).body(body).post("/api/plans/" + id + "/check-ins").then().statusCode(401);
        given().contentType(ContentType.JSON).queryParam("token", Api.link("check-in", CheckInScenes.activePlan(),
                Duration.ofHours(1))).body(body).post("/api/plans/" + id + "/check-ins").then().statusCode(403);
        given().contentType(ContentType.JSON).queryParam("token", Api.link("plan", id, Duration.ofHours(1)))
                .body(body).post("/api/plans/" + id + "/check-ins").then().statusCode(403);
        given().auth().preemptive().basic(Api.otherCoach(), Api.OTHER_COACH_PASSWORD).contentType(ContentType.JSON)
                .body(body).post("/api/plans/" + id + "/check-ins").then().statusCode(404);
        given().auth().preemptive().basic(Api.otherCoach(), Api.OTHER_COACH_PASSWORD).contentType(ContentType.JSON)
                .header("If-Match", CheckInScenes.etag(id))
                .post("/api/plans/" + id + "/proposals/" + proposal + "/accept").then().statusCode(404);
        client(id).post("/api/plans/" + id + "/proposals/" + proposal + "/dismiss").then().statusCode(401);

        Api.asCoach().get("/api/plans/" + id + "/check-ins").then().body("", hasSize(1));
    }
}
