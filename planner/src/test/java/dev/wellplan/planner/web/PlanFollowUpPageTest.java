package dev.wellplan.planner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.wellplan.planner.Api;
import dev.wellplan.planner.CheckInScenes;
import dev.wellplan.planner.RealServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The coach's plan page after the plan began: the client's check-ins (newest first, notes included), the plan's open
 * alerts in the roster's words, and AFT-3's proposal, accepted or dismissed from the page through the API's use case,
 * at the version the page showed. Only the plan's coach (and admins) see or decide any of it.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class PlanFollowUpPageTest {

    private static final String NOTE = "tight across the lower back after sitting";
    private static final String NEXT = "massage-2";

    @Test
    void the_plan_page_shows_its_coach_the_check_ins_newest_first_its_alerts_and_the_proposal() {
        String id = CheckInScenes.activePlan();
        CheckInScenes.sessionAgo(id, "massage-1", Duration.ofHours(24));
        Browser.form(Browser.anonymous()).formParam("token", Api.link("check-in", id, Duration.ofHours(1)))
                .formParam("itemId", "massage-1").formParam("soreness", "5").formParam("pain", "3")
                .formParam("note", NOTE).post("/check-in").then().statusCode(200);
        String proposal = CheckInScenes.proposal(id); // the clinic records soreness 4, 48 hours on

        String page = coach().get("/coach/plans/" + id).then().statusCode(200).extract().asString();

        assertThat(page).contains("<h2 id=\"check-ins\">Check-ins</h2>", "<h2 id=\"alerts\">Alerts</h2>",
                "<h2 id=\"proposals\">Proposals</h2>");
        String checkIns = section(page, "check-ins");
        assertThat(checkIns).contains(NOTE, "5 of 10", "3 of 10", "4 of 10", "2 of 10", "The client", "The clinic",
                "24 hours after", "48 hours after");
        assertThat(checkIns.indexOf("4 of 10")).as("newest first").isLessThan(checkIns.indexOf("5 of 10"));
        assertThat(section(page, "alerts")).contains("Still sore 48 hours after massage-1: a lighter next session is "
                + "proposed");
        String version = CheckInScenes.etag(id).replace("\"", "");
        assertThat(section(page, "proposals"))
                .containsPattern("Make the massage session of \\w+ \\d+ \\w+, \\d\\d:\\d\\d one step lighter: "
                        + "<strong>medium → light pressure</strong>")
                .contains("action=\"/coach/plans/" + id + "/proposals/" + proposal + "/accept\"",
                        "<input type=\"hidden\" name=\"version\" value=\"" + version + "\">",
                        "action=\"/coach/plans/" + id + "/proposals/" + proposal + "/dismiss\"");
    }

    @Test
    void another_coach_sees_none_of_it_and_decides_nothing() {
        String id = CheckInScenes.activePlan();
        String proposal = CheckInScenes.proposal(id);
        String etag = CheckInScenes.etag(id);
        RequestSpecification other = Browser.signedIn(Api.otherCoach(), Api.OTHER_COACH_PASSWORD);

        Response page = other.get("/coach/plans/" + id);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.asString()).doesNotContain("4 of 10").doesNotContain("Still sore");
        Browser.form(Browser.signedIn(Api.otherCoach(), Api.OTHER_COACH_PASSWORD))
                .formParam("version", etag.replace("\"", ""))
                .post("/coach/plans/" + id + "/proposals/" + proposal + "/accept").then().statusCode(404);
        Browser.form(Browser.signedIn(Api.otherCoach(), Api.OTHER_COACH_PASSWORD))
                .post("/coach/plans/" + id + "/proposals/" + proposal + "/dismiss").then().statusCode(404);

        assertThat(CheckInScenes.etag(id)).isEqualTo(etag);
        assertThat(section(coach().get("/coach/plans/" + id).asString(), "proposals")).contains(proposal);
    }

    @Test
    void AFT_3_accepting_from_the_page_lightens_the_next_session_and_clears_the_alert() {
        String id = CheckInScenes.activePlan();
        String proposal = CheckInScenes.proposal(id);
        assertThat(item(coach().get("/coach/plans/" + id).asString(), NEXT)).contains("medium pressure.");
        String version = CheckInScenes.etag(id).replace("\"", "");

        Response accepted = Browser.form(coach()).formParam("version", version)
                .post("/coach/plans/" + id + "/proposals/" + proposal + "/accept");

        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.header("Location")).endsWith("/coach/plans/" + id + "?done=accepted");
        String page = coach().get(accepted.header("Location")).then().statusCode(200).extract().asString();
        assertThat(page).contains("Proposal accepted: the session is one pressure step lighter");
        assertThat(item(page, NEXT)).contains("light pressure.").doesNotContain("medium pressure.");
        assertThat(section(page, "proposals")).contains("No proposal waits for you");
        assertThat(section(page, "alerts")).doesNotContain("Still sore");
        Api.asCoach().get("/api/plans/" + id).then().header("ETag", "\"" + (Long.parseLong(version) + 1) + "\"")
                .body("items.find { it.id == '" + NEXT + "' }.massage.pressure", equalTo("LIGHT"));
        Api.asCoach().get("/api/coach/alerts").then().body("findAll { it.planId == '" + id + "' }", empty());
        Browser.form(coach()).formParam("version", String.valueOf(Long.parseLong(version) + 1))
                .post("/coach/plans/" + id + "/proposals/" + proposal + "/accept").then().statusCode(409);
    }

    @Test
    void AFT_3_dismissing_from_the_page_leaves_the_plan_and_clears_the_alert() {
        String id = CheckInScenes.activePlan();
        String proposal = CheckInScenes.proposal(id);
        String etag = CheckInScenes.etag(id);

        Response dismissed = Browser.form(coach()).post("/coach/plans/" + id + "/proposals/" + proposal + "/dismiss");

        assertThat(dismissed.statusCode()).isEqualTo(303);
        assertThat(dismissed.header("Location")).endsWith("/coach/plans/" + id + "?done=dismissed");
        String page = coach().get(dismissed.header("Location")).asString();
        assertThat(page).contains("Proposal dismissed: the plan stays as it was.");
        assertThat(section(page, "proposals")).contains("No proposal waits for you");
        assertThat(section(page, "alerts")).doesNotContain("Still sore");
        assertThat(item(page, NEXT)).contains("medium pressure.");
        assertThat(CheckInScenes.etag(id)).isEqualTo(etag);
        Api.asCoach().get("/api/coach/alerts").then().body("findAll { it.planId == '" + id + "' }", empty());
    }

    @Test
    void accepting_on_a_version_the_plan_has_left_is_refused_with_words_and_changes_nothing() {
        String id = CheckInScenes.activePlan();
        String proposal = CheckInScenes.proposal(id);
        long current = Long.parseLong(CheckInScenes.etag(id).replace("\"", ""));

        Response stale = Browser.form(coach()).formParam("version", String.valueOf(current - 1))
                .post("/coach/plans/" + id + "/proposals/" + proposal + "/accept");

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("text/html");
        assertThat(stale.asString()).contains("Someone changed this plan after you opened it: it is at version "
                        + current + " now, and the proposal was not accepted.")
                .contains("<input type=\"hidden\" name=\"version\" value=\"" + current + "\">");
        Browser.form(coach()).post("/coach/plans/" + id + "/proposals/" + proposal + "/accept").then()
                .statusCode(412);
        Api.asCoach().get("/api/plans/" + id).then().header("ETag", "\"" + current + "\"")
                .body("items.find { it.id == '" + NEXT + "' }.massage.pressure", equalTo("MEDIUM"));
        assertThat(section(coach().get("/coach/plans/" + id).asString(), "proposals")).contains(proposal);
    }

    @Test
    void an_alert_cleared_from_the_plan_page_leads_back_to_it() {
        String id = CheckInScenes.activePlan();
        String alert = CheckInScenes.alert(id);
        assertThat(section(coach().get("/coach/plans/" + id).asString(), "alerts"))
                .contains("An e-mail to the client failed for good (check in)")
                .contains("action=\"/coach/plans/" + id + "/alerts/" + alert + "/clear\"");

        Response cleared = Browser.form(coach()).formParam("back", "plan")
                .post("/coach/plans/" + id + "/alerts/" + alert + "/clear");

        assertThat(cleared.statusCode()).isEqualTo(303);
        assertThat(cleared.header("Location")).endsWith("/coach/plans/" + id + "?done=alert-cleared");
        String page = coach().get(cleared.header("Location")).asString();
        assertThat(page).contains("The alert is cleared.");
        assertThat(section(page, "alerts")).contains("Nothing on this plan needs you now.");
    }

    private static RequestSpecification coach() {
        return Browser.signedIn(Api.COACH, Api.COACH_PASSWORD);
    }

    /** The page's section headed {@code id}, up to the section's end. */
    private static String section(String page, String id) {
        Matcher m = Pattern.compile("<section aria-labelledby=\"" + id + "\">(.*?)</section>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("section " + id).isTrue();
        return m.group(1);
    }

    /** The timeline's card of the item. */
    private static String item(String page, String itemId) {
        Matcher m = Pattern.compile("<li class=\"item [A-Z_]+\" id=\"item-" + itemId + "\">(.*?)</li>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("item " + itemId).isTrue();
        return m.group(1);
    }
}
