package dev.wellplan.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.wellplan.planner.Api;
import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.RealServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The coach adjusts a plan from its page, as a browser without JavaScript would: a form posts to the preview, the
 * preview's "Save" posts what was previewed with the version it was made on; the API's use case and rules decide,
 * and the page says what they decided in words.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class AdjustmentPageTest {

    private static final Pattern SAVE_FORM = Pattern.compile(
            "<form method=\"post\" action=\"/coach/plans/[^\"]+/adjustments\">(.*?)</form>", Pattern.DOTALL);
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    @Test
    void the_move_form_shows_the_preview_and_save_applies_it_on_the_version_it_was_made_on() {
        String id = Api.confirmedPlanOfCoach(Assessments.valid());
        String plan = coach().get("/coach/plans/" + id).then().statusCode(200).extract().asString();
        assertThat(plan).contains("action=\"/coach/plans/" + id + "/adjustments/preview\"")
                .contains("<input type=\"hidden\" name=\"op\" value=\"moveItem\">")
                .contains("<label for=\"move-date\">New day</label>")
                .contains("<option value=\"massage-2\">")
                .contains("id=\"massage-type-DEEP_TISSUE\"", "id=\"swap-with\"", "id=\"ladder-op-regressExercise\"",
                        "id=\"add-date\"", "id=\"remove-itemId\"", "id=\"pause-until\"", "id=\"resume-reason\"",
                        "id=\"cancel-reason\"", "id=\"schedule-quietHours.from\" name=\"quietHours.from\" value=\"21:00\"");
        LocalDateTime was = start(id, "massage-2");
        LocalDateTime to = was.plusDays(1).withHour(11);

        Response preview = Browser.form(coach()).formParams(move(id, to, 2)).post("/coach/plans/" + id
                + "/adjustments/preview");

        assertThat(preview.statusCode()).isEqualTo(200);
        String page = preview.asString();
        assertThat(page).contains("Preview: what this change does")
                .contains("<strong>Massage session massage-2</strong>: when: ")
                .contains("Reminder the day before a session (massage-2)")
                .contains("<button type=\"submit\">Save</button>");
        assertThat(version(id)).as("a preview stores nothing").isEqualTo(2);
        assertThat(start(id, "massage-2")).isEqualTo(was);

        Map<String, String> save = saveForm(page);
        assertThat(save).containsEntry("version", "2").containsEntry("itemId", "massage-2")
                .containsEntry("date", to.toLocalDate().toString()).containsKey("idempotencyKey");
        Response saved = Browser.form(coach()).formParams(save).post("/coach/plans/" + id + "/adjustments");

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith("/coach/plans/" + id + "?done=adjusted");
        assertThat(version(id)).isEqualTo(3);
        assertThat(start(id, "massage-2")).isEqualTo(to);
        assertThat(coach().get(saved.header("Location")).asString()).contains("The plan is adjusted");
        assertThat(Browser.form(coach()).formParams(save).post("/coach/plans/" + id + "/adjustments").statusCode())
                .as("a second click on Save").isEqualTo(303);
        assertThat(version(id)).as("made no second version").isEqualTo(3);
    }

    @Test
    void progressing_an_exercise_from_its_form_previews_every_workout_it_changes() {
        String id = Api.confirmedPlanOfCoach(Assessments.valid());

        Response preview = Browser.form(coach()).formParams(Map.of("op", "progressExercise", "exercise", "glute-bridge",
                "reason", "bridges are easy now", "version", "2")).post("/coach/plans/" + id + "/adjustments/preview");

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.asString()).contains("Preview: what this change does").contains("exercises: Glute bridge")
                .contains("<input type=\"hidden\" name=\"op\" value=\"progressExercise\">");
        assertThat(version(id)).isEqualTo(2);
    }

    @Test
    void a_preview_saved_after_the_plan_moved_on_says_so_and_changes_nothing() {
        String id = Api.confirmedPlanOfCoach(Assessments.valid());
        LocalDateTime to = start(id, "massage-2").plusDays(1).withHour(11);
        Map<String, String> save = saveForm(Browser.form(coach()).formParams(move(id, to, 2))
                .post("/coach/plans/" + id + "/adjustments/preview").then().statusCode(200).extract().asString());
        Browser.form(coach()).formParams(move(id, to.plusHours(1), 2)).formParam("idempotencyKey", "another click")
                .post("/coach/plans/" + id + "/adjustments").then().statusCode(303);

        Response stale = Browser.form(coach()).formParams(save).post("/coach/plans/" + id + "/adjustments");

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.asString()).contains("Someone changed this plan after this form was made")
                .contains("at version 3 now, and nothing was saved");
        assertThat(version(id)).isEqualTo(3);
        assertThat(start(id, "massage-2")).isEqualTo(to.plusHours(1));
    }

    @Test
    void a_refusal_names_its_rule_in_words_and_setting_it_aside_asks_for_a_reason() {
        String id = Api.confirmedPlanOfCoach(Assessments.valid());
        Map<String, String> longer = new LinkedHashMap<>(Map.of("op", "changeMassage", "itemId", "massage-2",
                "durationMinutes", "75", "reason", "client asked for a longer session", "version", "2"));

        Response refused = Browser.form(coach()).formParams(longer).post("/coach/plans/" + id + "/adjustments/preview");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("The plan rules refuse this change")
                .contains("<strong>MAS-2</strong>: Sessions last 45 to 60 minutes.")
                .contains("You may set this rule aside below")
                .contains("name=\"override\" value=\"MAS-2\"");

        longer.put("override", "MAS-2");
        longer.remove("reason");
        Response noReason = Browser.form(coach()).formParams(longer).post("/coach/plans/" + id + "/adjustments/preview");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.asString()).contains("id=\"massage-reason-error\">is required: say why")
                .contains("name=\"override\" value=\"MAS-2\" checked");

        longer.put("reason", "client asked for a longer session");
        String preview = Browser.form(coach()).formParams(longer).post("/coach/plans/" + id + "/adjustments/preview")
                .then().statusCode(200).extract().asString();
        assertThat(preview).contains("MAS-2 set aside for massage-2").containsPattern("length: \\d+ minutes → 75 minutes");
        assertThat(version(id)).isEqualTo(2);
    }

    @Test
    void the_safety_gate_is_refused_in_words_and_offers_nothing_to_set_aside() {
        String id = Api.confirmedPlanOfCoach(Assessments.valid().replace("NON_SPECIFIC", "SUSPECTED_DISC"));
        Api.asCoach().body("{}").post("/api/plans/" + id + "/clearance").then().statusCode(200);

        Response refused = Browser.form(coach()).formParams(Map.of("op", "changeMassage", "itemId", "massage-2",
                "type", "DEEP_TISSUE", "reason", "knots", "version", "3")).post("/coach/plans/" + id + "/adjustments/preview");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("<strong>SAFE-2</strong>: With signs of a disc problem")
                .doesNotContain("name=\"override\"");
        assertThat(version(id)).isEqualTo(3);
    }

    private static io.restassured.specification.RequestSpecification coach() {
        return Browser.signedIn(Api.COACH, Api.COACH_PASSWORD);
    }

    private static Map<String, String> move(String id, LocalDateTime to, long version) {
        return Map.of("op", "moveItem", "itemId", "massage-2", "date", to.toLocalDate().toString(),
                "time", to.toLocalTime().toString(), "reason", "client asked to move the session",
                "notifyClient", "yes", "version", String.valueOf(version));
    }

    /** The hidden fields of the preview's save form, but its CSRF token (the browser's own is sent). */
    private static Map<String, String> saveForm(String page) {
        Matcher form = SAVE_FORM.matcher(page);
        assertThat(form.find()).as("a save form").isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(form.group(1));
        while (hidden.find()) {
            if (!hidden.group(1).equals(Browser.CSRF_FIELD)) {
                fields.put(hidden.group(1), hidden.group(2).replace("&#39;", "'"));
            }
        }
        return fields;
    }

    private static long version(String id) {
        return Long.parseLong(Api.asAdmin().get("/api/plans/" + id).header("ETag").replace("\"", ""));
    }

    private static LocalDateTime start(String id, String itemId) {
        return LocalDateTime.parse(Api.asAdmin().get("/api/plans/" + id).then().statusCode(200).extract()
                .<String>path("items.find { it.id == '" + itemId + "' }.start"));
    }
}
