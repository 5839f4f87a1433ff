package dev.wellplan.notifier.preferences.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.assertj.core.groups.Tuple;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEventType;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.ClientPlans;
import dev.wellplan.notifier.Inbox;
import dev.wellplan.notifier.RealServers;
import dev.wellplan.notifier.links.ClientLinks;
import dev.wellplan.notifier.reminder.mail.MailComposer;
import dev.wellplan.reminders.DesiredReminder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An unsubscribe holds for the address, not only for the plan it came from: the same person enrolling again (a new
 * plan, a new client id, the address in other letter case) gets nothing but the see-a-doctor notice, a safety
 * message that goes out whatever the preferences (invariant 8).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class SuppressionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Jdbi jdbi;

    @Inject
    ClientLinks links;

    @Test
    void an_unsubscribe_holds_when_the_address_enrolls_again_but_for_the_see_a_doctor_notice() throws Exception {
        ClientPlans first = new ClientPlans();
        first.publish(bootstrap, first.event(PlanEventType.PlanCreated,
                first.snapshot(1, "ACTIVE", "NONE", ClientPlans.activeItems())));
        MimeMessage welcome = await().atMost(UnsubscribeApiTest.WAIT).until(() -> Inbox.to(first.email),
                m -> !m.isEmpty()).get(0);
        given().queryParam("token", UnsubscribeApiTest.tokenOf(Inbox.header(welcome, "List-Unsubscribe")))
                .contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .when().post("/unsubscribe").then().statusCode(200);

        ClientPlans again = new ClientPlans(first.email.toUpperCase(Locale.ROOT));
        PlanSnapshot.Item clearance = ClientPlans.item("clearance", "CLEARANCE", ClientPlans.inMinutes(60), 15,
                "SAFE-1");
        again.publish(bootstrap, again.event(PlanEventType.PlanCreated,
                again.snapshot(1, "AWAITING_CLEARANCE", "SEE_DOCTOR", List.of(clearance))));
        await().atMost(UnsubscribeApiTest.WAIT).untilAsserted(() -> assertThat(outcomes(again.planId))
                .containsExactlyInAnyOrder(tuple("WELCOME", "CANCELLED", "unsubscribed"),
                        tuple("AWAITING_CLEARANCE", "SENT", null)));

        // cleared: the plan's changes and its workouts would now go out, but for the unsubscribe
        again.publish(bootstrap, again.event(PlanEventType.PlanStatusChanged, again.snapshot(2, "ACTIVE", "NONE",
                List.of(ClientPlans.item("strength-now", "STRENGTH", ClientPlans.inMinutes(-1), 30, "ACT-1")))));
        await().atMost(UnsubscribeApiTest.WAIT).untilAsserted(() -> assertThat(outcomes(again.planId))
                .contains(tuple("PLAN_CHANGED", "CANCELLED", "unsubscribed"),
                        tuple("STRENGTH_DAY", "CANCELLED", "unsubscribed")));

        assertThat(Inbox.to(first.email)).extracting(m -> Inbox.header(m, "Message-ID"))
                .as("the first plan's welcome, before the click, and the second plan's see-a-doctor notice")
                .containsExactlyInAnyOrder(MailComposer.messageId(first.planId + ":plan:welcome"),
                        MailComposer.messageId(again.planId + ":" + DesiredReminder.ofItem("clearance", clearance.start())
                                + ":awaiting_clearance"));
    }

    @Test
    void all_e_mail_off_suppresses_the_address_and_switching_it_back_on_lifts_that() throws Exception {
        ClientPlans client = ClientPlans.applied(bootstrap, null);
        String token = links.preferencesUrl(client.clientId, Instant.now()).replaceFirst(".*token=", "");

        given().contentType("application/x-www-form-urlencoded").formParam("token", token)
                .when().post("/preferences").then().statusCode(200);
        assertThat(suppressed(client.email)).isTrue();
        ClientPlans again = new ClientPlans(client.email).apply(bootstrap, null);
        String page = given().queryParam("token", links.preferencesToken(again.clientId, Instant.now()))
                .accept("text/html").get("/preferences").then().statusCode(200).extract().asString();
        assertThat(page).as("the same address enrolled again sees its e-mail off")
                .contains("name=\"enabled\" value=\"true\">");

        given().contentType("application/x-www-form-urlencoded").formParam("token", token)
                .formParam("enabled", "true").when().post("/preferences").then().statusCode(200);
        assertThat(suppressed(client.email)).isFalse();
    }

    private boolean suppressed(String address) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM notifier.email_suppression WHERE address = :a")
                .bind("a", address.toLowerCase(Locale.ROOT)).mapTo(Long.class).one()) == 1;
    }

    /** (kind, status, reason) of each of the plan's reminders. */
    private List<Tuple> outcomes(UUID planId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT kind, status, last_error FROM notifier.reminder WHERE plan_id = :id")
                .bind("id", planId)
                .map((rs, ctx) -> tuple(rs.getString("kind"), rs.getString("status"), rs.getString("last_error")))
                .list());
    }
}
