package dev.wellplan.planner.plan.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.wellplan.planner.Api;
import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.RealServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class CalendarFeedApiTest {

    private static String enroll(String redFlags) {
        return Api.confirmedPlanOfCoach(Assessments.withRedFlags(redFlags));
    }

    private static String token(String purpose, String subject, Duration validFor) {
        return Api.link(purpose, subject, validFor);
    }

    @Test
    void the_client_opens_the_feed_with_the_signed_link_and_gets_the_plan_as_rfc_5545() throws Exception {
        String id = enroll("[]");
        JsonPath plan = Api.asCoach().when().get("/api/plans/" + id).then().statusCode(200).extract().jsonPath();

        String ics = given().queryParam("token", token("calendar", id, Duration.ofDays(400)))
                .when().get("/api/plans/" + id + "/calendar.ics")
                .then().statusCode(200).contentType(containsString("text/calendar")).header("ETag", "\"2\"")
                .extract().asString();

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nMETHOD:PUBLISH\r\n")
                .contains("\r\nX-WR-TIMEZONE:Europe/Lisbon\r\n");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        List<String> itemIds = plan.getList("items.findAll { it.kind != 'CLEARANCE' }.id");
        assertThat(events).extracting(e -> value(e, Property.UID))
                .containsExactlyInAnyOrderElementsOf(itemIds.stream().map(i -> id + "-" + i + "@wellplan").toList());
        assertThat(events).allSatisfy(e -> assertThat(value(e, Property.SEQUENCE)).isEqualTo("2"));
        VEvent massage = events.stream().filter(e -> value(e, Property.UID).equals(id + "-massage-1@wellplan"))
                .findFirst().orElseThrow();
        LocalDateTime localStart = LocalDateTime.parse(plan.getString("items.find { it.id == 'massage-1' }.start"));
        assertThat(Instant.from(massage.getStartDate().orElseThrow().getDate()))
                .isEqualTo(localStart.atZone(ZoneId.of("Europe/Lisbon")).toInstant());
        assertThat(value(massage, Property.DESCRIPTION)).contains("Speak up").contains("hour or two free");
        assertThat(ics).as("a feed names no attendee: a leaked link shows no e-mail address")
                .doesNotContain("ana@example.com");
    }

    @Test
    void the_plans_coach_opens_its_feed_and_the_sequence_follows_the_plan_version() {
        String id = enroll("[\"NUMBNESS\"]");
        Api.asCoach().contentType(ContentType.JSON).body("{}")
                .when().post("/api/plans/" + id + "/clearance").then().statusCode(200);

        String ics = Api.asCoach()
                .when().get("/api/plans/" + id + "/calendar.ics")
                .then().statusCode(200).header("ETag", "\"3\"").extract().asString();

        assertThat(ics).contains("UID:" + id + "-massage-1@wellplan").contains("SEQUENCE:3")
                .doesNotContain("SEQUENCE:2\r\n");
        Api.asCoach().header("If-None-Match", "\"3\"")
                .when().get("/api/plans/" + id + "/calendar.ics").then().statusCode(304);
    }

    @Test
    void a_tampered_foreign_expired_or_missing_link_opens_nothing() {
        String id = enroll("[]");
        String good = token("calendar", id, Duration.ofDays(1));
        int at = good.indexOf('.') + 5;
        String tampered = good.substring(0, at) + (good.charAt(at) == 'A' ? 'B' : 'A') + good.substring(at + 1);

        for (String bad : List.of(tampered, "garbage", token("calendar", UUID.randomUUID().toString(), Duration.ofDays(1)),
                token("unsubscribe", id, Duration.ofDays(1)), token("calendar", id, Duration.ofSeconds(-60)))) {
            given().queryParam("token", bad).when().get("/api/plans/" + id + "/calendar.ics")
                    .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        }
        given().when().get("/api/plans/" + id + "/calendar.ics")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().preemptive().basic("coach", "not-the-password").when().get("/api/plans/" + id + "/calendar.ics")
                .then().statusCode(401).contentType("application/problem+json");
        String unknown = UUID.randomUUID().toString();
        given().queryParam("token", token("calendar", unknown, Duration.ofDays(1)))
                .when().get("/api/plans/" + unknown + "/calendar.ics").then().statusCode(404);
        Api.asCoach().when().get("/api/plans/not-a-plan/calendar.ics")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }
}
