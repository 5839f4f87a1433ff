package dev.wellplan.notifier.preferences.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEventType;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.ClientPlans;
import dev.wellplan.notifier.Inbox;
import dev.wellplan.notifier.RealServers;
import dev.wellplan.notifier.links.ClientLinks;
import dev.wellplan.notifier.preferences.store.EmailPreferences;
import dev.wellplan.reminders.ReminderKind;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class PreferencesApiTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8081/preferences\\?token=([A-Za-z0-9_.-]+)");
    private static final List<String> ALL_BUT_WORKOUTS = List.of("MASSAGE_DAY_BEFORE", "AFTERCARE", "CHECK_IN",
            "SELF_MASSAGE", "END_OF_PLAN");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Jdbi jdbi;

    @Inject
    ClientLinks links;

    @Inject
    EmailPreferences preferences;

    @Test
    void workouts_switched_off_on_the_page_are_not_sent_while_the_other_reminders_are() throws Exception {
        ClientPlans client = new ClientPlans();
        PlanSnapshot v1 = client.snapshot(1, "ACTIVE", "NONE", ClientPlans.activeItems());
        client.publish(bootstrap, client.event(PlanEventType.PlanCreated, v1));
        MimeMessage welcome = await().atMost(UnsubscribeApiTest.WAIT).until(() -> Inbox.to(client.email),
                m -> !m.isEmpty()).get(0);
        Matcher link = LINK.matcher(Inbox.text(welcome));
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        String before = page(token);
        assertThat(before).contains("name=\"enabled\" value=\"true\" checked")
                .contains("value=\"STRENGTH_DAY\" checked> Strength workouts");
        String saved = given().contentType("application/x-www-form-urlencoded").accept("text/html")
                .formParam("token", token).formParam("enabled", "true").formParam("kind", ALL_BUT_WORKOUTS.toArray())
                .when().post("/preferences")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertThat(saved).contains("Saved.").contains("value=\"STRENGTH_DAY\"> Strength workouts")
                .contains("value=\"SELF_MASSAGE\" checked>");
        assertThat(page(token)).contains("value=\"STRENGTH_DAY\"> Strength workouts")
                .contains("name=\"enabled\" value=\"true\" checked");

        List<PlanSnapshot.Item> items = new ArrayList<>(v1.items());
        items.add(ClientPlans.item("strength-now", "STRENGTH", ClientPlans.inMinutes(-1), 30, "ACT-1"));
        items.add(ClientPlans.item("self-massage-now", "SELF_MASSAGE", ClientPlans.inMinutes(-1), 10, "ACT-3"));
        client.publish(bootstrap, client.event(PlanEventType.PlanAdjusted, client.snapshot(2, "ACTIVE", "NONE", items)));

        await().atMost(UnsubscribeApiTest.WAIT).untilAsserted(() -> assertThat(outcomes(client.planId))
                .containsEntry("strength-now", "CANCELLED unsubscribed")
                .containsEntry("self-massage-now", "SENT null")
                .containsEntry("v2", "SENT null"));
        assertThat(Inbox.to(client.email)).extracting(Inbox::subject)
                .containsExactlyInAnyOrder("Your four-week back-care plan",
                        "Your plan changed: the updated calendar is inside", "Ten minutes of self-massage today");
    }

    @Test
    void e_mail_switched_back_on_after_a_one_click_unsubscribe() {
        UUID client = UUID.randomUUID();
        preferences.unsubscribe(client);
        String token = token(client);

        assertThat(page(token)).contains("name=\"enabled\" value=\"true\">")
                .contains("value=\"STRENGTH_DAY\" checked>");
        given().contentType("application/x-www-form-urlencoded")
                .formParam("token", token).formParam("enabled", "true").formParam("kind", "STRENGTH_DAY")
                .when().post("/preferences").then().statusCode(200);

        assertThat(preferences.allows(client, ReminderKind.STRENGTH_DAY)).isTrue();
        assertThat(preferences.allows(client, ReminderKind.PLAN_CHANGED)).isTrue();
        assertThat(preferences.allows(client, ReminderKind.CHECK_IN)).isFalse();

        given().contentType("application/x-www-form-urlencoded").formParam("token", token)
                .when().post("/preferences").then().statusCode(200);
        assertThat(preferences.allows(client, ReminderKind.WELCOME)).as("the master switch off").isFalse();
    }

    @Test
    void a_bad_token_or_an_unknown_kind_is_a_clear_4xx_and_saves_nothing() {
        UUID client = UUID.randomUUID();
        String token = token(client);
        String unsubscribe = UnsubscribeApiTest.tokenOf("<" + links.unsubscribeUrl(client, Instant.now()) + ">");

        given().accept("text/html").when().get("/preferences")
                .then().statusCode(400).contentType(containsString("text/html"));
        given().queryParam("token", unsubscribe).accept("text/html").when().get("/preferences")
                .then().statusCode(403).body(containsString("This link is not valid"));
        given().queryParam("token", UnsubscribeApiTest.tamper(token)).when().get("/preferences")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/x-www-form-urlencoded").formParam("token", unsubscribe)
                .formParam("enabled", "true").when().post("/preferences")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/x-www-form-urlencoded").formParam("token", token)
                .formParam("enabled", "true").formParam("kind", "WELCOME")
                .when().post("/preferences")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"));

        long rows = jdbi.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM notifier.email_preference WHERE client_id = :id")
                .bind("id", client).mapTo(Long.class).one());
        assertThat(rows).isZero();
    }

    private String token(UUID client) {
        Matcher link = LINK.matcher(links.preferencesUrl(client, Instant.now()));
        assertThat(link.matches()).isTrue();
        return link.group(1);
    }

    private static String page(String token) {
        return given().queryParam("token", token).accept("text/html").when().get("/preferences")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
    }

    /** Item id (or "v2" for the plan-changed mail) to "status reason", for reminders other than the welcome. */
    private Map<String, String> outcomes(UUID planId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT coalesce(item_id, split_part(id, ':', 2)) AS subject, status, last_error
                        FROM notifier.reminder WHERE plan_id = :id AND kind <> 'WELCOME'""")
                .bind("id", planId)
                .map((rs, ctx) -> Map.entry(rs.getString("subject"), rs.getString("status") + " " + rs.getString("last_error")))
                .list()).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
