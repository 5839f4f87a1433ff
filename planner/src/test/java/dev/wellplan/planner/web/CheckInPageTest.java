package dev.wellplan.planner.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.wellplan.planner.Api;
import dev.wellplan.planner.CheckInScenes;
import dev.wellplan.planner.RealServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The client's check-in page, the one the +24 h and +48 h e-mails link to: the form, its answer in words (seek care
 * today for the urgent red flags), its errors on their fields, and the link as its only key.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class CheckInPageTest {

    private static String token(String planId) {
        return Api.link("check-in", planId, Duration.ofHours(1));
    }

    @Test
    void the_form_offers_the_sessions_that_took_place_with_the_one_of_the_e_mail_chosen() {
        String id = CheckInScenes.activePlan();
        CheckInScenes.sessionAgo(id, "massage-1", Duration.ofHours(24));

        Browser.anonymous().queryParam("token", token(id)).queryParam("item", "massage-1").get("/check-in")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<option value=\"massage-1\" selected>"))
                .body(not(containsString("value=\"massage-2\"")))
                .body(containsString("name=\"" + Browser.CSRF_FIELD + "\""))
                .body(containsString("New trouble controlling your bladder or bowel"));
    }

    @Test
    void SAFE_1_an_urgent_red_flag_tells_the_client_to_seek_care_today_and_stops_massage() {
        String id = CheckInScenes.activePlan();
        CheckInScenes.sessionAgo(id, "massage-1", Duration.ofHours(24));

        Browser.form(Browser.anonymous()).formParam("token", token(id)).formParam("itemId", "massage-1")
                .formParam("soreness", "2").formParam("pain", "6").formParam("redFlags", "BLADDER_BOWEL_CHANGE")
                .post("/check-in").then().statusCode(200)
                .body(containsString("Please seek care today"))
                .body(containsString("emergency"));

        Api.asCoach().get("/api/plans/" + id).then().body("status", equalTo("AWAITING_CLEARANCE"));
    }

    @Test
    void a_sore_answer_is_thanked_and_a_wrong_one_comes_back_with_its_errors() {
        String id = CheckInScenes.activePlan();
        CheckInScenes.sessionAgo(id, "massage-1", Duration.ofHours(24));

        Browser.form(Browser.anonymous()).formParam("token", token(id)).formParam("itemId", "massage-1")
                .formParam("pain", "12").formParam("note", "tight")
                .post("/check-in").then().statusCode(400)
                .body(containsString("id=\"soreness-error\"")).body(containsString("id=\"pain-error\""))
                .body(containsString(">tight</textarea>"));
        Browser.form(Browser.anonymous()).formParam("token", token(id)).formParam("itemId", "massage-1")
                .formParam("soreness", "3").formParam("pain", "2")
                .post("/check-in").then().statusCode(200)
                .body(containsString("Thank you")).body(containsString("We will ask once more tomorrow"));

        Api.asCoach().get("/api/plans/" + id + "/check-ins").then().body("size()", equalTo(1));
    }

    @Test
    void the_link_is_the_only_key_and_the_form_needs_its_csrf_token() {
        String id = CheckInScenes.activePlan();

        Browser.anonymous().get("/check-in").then().statusCode(403).contentType(containsString("text/html"));
        Browser.anonymous().queryParam("token", Api.link("plan", id, Duration.ofHours(1))).get("/check-in")
                .then().statusCode(403);
        Browser.anonymous().queryParam("token", Api.link("check-in", id, Duration.ofHours(-2))).get("/check-in")
                .then().statusCode(403).body(containsString("expired"));
        Browser.anonymous().contentType(ContentType.URLENC).formParam("token", token(id))
                .formParam("soreness", "1").formParam("pain", "1").post("/check-in").then().statusCode(400);

        String before = Api.link("check-in", id, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofHours(1))); // the link of an e-mail of a minute ago
        Api.asCoach().post("/api/plans/" + id + "/sign-out").then().statusCode(204);
        Browser.anonymous().queryParam("token", before).get("/check-in").then().statusCode(403)
                .body(containsString("signed out"));
        Api.asCoach().get("/api/plans/" + id + "/check-ins").then().body("size()", equalTo(0));
    }
}
