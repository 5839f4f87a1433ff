package dev.wellplan.notifier.preferences.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.calendar.SignedLinks;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.ClientPlans;
import dev.wellplan.notifier.Inbox;
import dev.wellplan.notifier.RealServers;
import dev.wellplan.notifier.links.ClientLinks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class UnsubscribeApiTest {

    static final Duration WAIT = Duration.ofSeconds(90);
    private static final Pattern HEADER_TOKEN = Pattern.compile("^<http://localhost:8081/unsubscribe\\?token=([^>]+)>$");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "wellplan.links.secret")
    String secret;

    @Inject
    Jdbi jdbi;

    @Inject
    ClientLinks links;

    @Test
    void one_click_with_the_token_from_the_header_cancels_every_later_reminder_of_the_client() throws Exception {
        ClientPlans client = new ClientPlans();
        PlanSnapshot v1 = client.snapshot(1, "ACTIVE", "NONE", ClientPlans.activeItems());
        client.publish(bootstrap, client.event(PlanEventType.PlanCreated, v1));
        MimeMessage welcome = await().atMost(WAIT).until(() -> Inbox.to(client.email), m -> !m.isEmpty()).get(0);
        String token = tokenOf(Inbox.header(welcome, "List-Unsubscribe"));

        // RFC 8058: what a mail provider sends when the reader clicks "unsubscribe"
        given().queryParam("token", token).contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .when().post("/unsubscribe").then().statusCode(200);
        given().queryParam("token", token).contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .when().post("/unsubscribe").then().statusCode(200); // a second click changes nothing

        List<PlanSnapshot.Item> items = new ArrayList<>(v1.items());
        items.add(ClientPlans.item("strength-now", "STRENGTH", ClientPlans.inMinutes(-1), 30, "ACT-1"));
        items.add(ClientPlans.item("self-massage-now", "SELF_MASSAGE", ClientPlans.inMinutes(-1), 10, "ACT-3"));
        client.publish(bootstrap, client.event(PlanEventType.PlanAdjusted, client.snapshot(2, "ACTIVE", "NONE", items)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(outcomes(client.planId, "strength-now", "self-massage-now", null))
                .containsExactlyInAnyOrder(tuple("PLAN_CHANGED", "CANCELLED", "unsubscribed"),
                        tuple("SELF_MASSAGE", "CANCELLED", "unsubscribed"),
                        tuple("STRENGTH_DAY", "CANCELLED", "unsubscribed")));
        assertThat(Inbox.to(client.email)).as("only the welcome, sent before the click").hasSize(1);
        boolean allOff = jdbi.withHandle(h -> h.createQuery(
                "SELECT all_off FROM notifier.email_preference WHERE client_id = :id")
                .bind("id", client.clientId).mapTo(Boolean.class).one());
        assertThat(allOff).isTrue();
    }

    @Test
    void the_link_opened_in_a_browser_asks_first_and_changes_nothing() {
        UUID client = UUID.randomUUID();
        String token = tokenOf("<" + links.unsubscribeUrl(client, Instant.now()) + ">");

        String page = given().queryParam("token", token).accept("text/html")
                .when().get("/unsubscribe")
                .then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .extract().asString();

        assertThat(page).contains("<form method=\"post\" action=\"unsubscribe?token=" + token + "\">")
                .contains("name=\"List-Unsubscribe\" value=\"One-Click\"")
                .contains("href=\"preferences?token=");
        assertThat(preferenceRows(client)).as("a GET never unsubscribes: mail scanners follow links").isZero();

        given().queryParam("token", token).accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .when().post("/unsubscribe")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("You are unsubscribed"));
        assertThat(preferenceRows(client)).isOne();
    }

    @Test
    void a_missing_forged_foreign_or_expired_token_is_a_clear_4xx_and_changes_nothing() {
        UUID client = UUID.randomUUID();
        String good = tokenOf("<" + links.unsubscribeUrl(client, Instant.now()) + ">");
        String tampered = tamper(good);
        SignedLinks signer = new SignedLinks(secret.getBytes(StandardCharsets.UTF_8));
        String expired = signer.token("unsubscribe", client.toString(), Instant.now().minusSeconds(3600),
                Instant.now().minusSeconds(60));
        String preferences = signer.token("preferences", client.toString(), Instant.now(),
                Instant.now().plusSeconds(600));

        given().accept("text/html").when().get("/unsubscribe")
                .then().statusCode(400).contentType(containsString("text/html")).body(containsString("Missing token"));
        given().when().post("/unsubscribe")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("token"));
        for (String bad : List.of("garbage", tampered, preferences, good + "x", "a.b.c")) {
            given().queryParam("token", bad).when().post("/unsubscribe")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("title", equalTo("Invalid link")).body("status", equalTo(403));
        }
        given().queryParam("token", expired).when().post("/unsubscribe")
                .then().statusCode(403).contentType("application/problem+json").body("title", equalTo("Link expired"));
        given().queryParam("token", expired).accept("text/html").when().get("/unsubscribe")
                .then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("This link has expired"));
        assertThat(preferenceRows(client)).isZero();
    }

    /** Changes one character inside the signature (the last one may carry only padding bits). */
    static String tamper(String token) {
        int at = token.indexOf('.') + 5;
        return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    static String tokenOf(String listUnsubscribe) {
        Matcher matcher = HEADER_TOKEN.matcher(listUnsubscribe);
        assertThat(matcher.matches()).as(listUnsubscribe).isTrue();
        return matcher.group(1);
    }

    private long preferenceRows(UUID client) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM notifier.email_preference WHERE client_id = :id")
                .bind("id", client).mapTo(Long.class).one());
    }

    /** (kind, status, reason) of the plan's reminders for these items; a null item id picks the plan-wide ones too. */
    private List<org.assertj.core.groups.Tuple> outcomes(UUID planId, String... itemIds) {
        List<String> wanted = java.util.Arrays.asList(itemIds);
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT item_id, kind, status, last_error FROM notifier.reminder
                        WHERE plan_id = :id AND kind <> 'WELCOME'""")
                .bind("id", planId)
                .map((rs, ctx) -> new Object[] {rs.getString("item_id"), rs.getString("kind"), rs.getString("status"),
                        rs.getString("last_error")})
                .list()).stream()
                .filter(r -> wanted.contains((String) r[0]))
                .map(r -> tuple(r[1], r[2], r[3])).toList();
    }
}
