package dev.wellplan.notifier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.wellplan.calendar.SignedLinks;
import dev.wellplan.notifier.links.ClientLinks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The notifier runs the same request guard as the planner (JsonRequestGuard): a JSON route that changes state
 * refuses another site's Origin (403) and a body that is not {@code application/json} (415). Its form routes are
 * not JSON routes: a mail provider's RFC 8058 one-click POST still unsubscribes, whatever page it comes from, since
 * the signed token in its URL is what it needs.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class CrossSiteRequestTest {

    private static final String ROUTE = "/api/test/state-change";

    @ConfigProperty(name = "wellplan.links.secret")
    String secret;

    @Test
    void a_json_route_refuses_another_sites_page_and_a_body_of_another_type() {
        given().header("Origin", "https://evil.example").contentType(ContentType.JSON).body("{}").post(ROUTE)
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().contentType(ContentType.TEXT).body("{}").post(ROUTE)
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        given().contentType(ContentType.URLENC).formParam("a", "b").post(ROUTE)
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void the_notifiers_own_pages_and_api_clients_may_change_state() {
        // wellplan.http.allowed-origins follows wellplan.mail.public-base-url, http://localhost:8081 in tests
        given().header("Origin", "http://localhost:8081").contentType(ContentType.JSON).body("{}").post(ROUTE)
                .then().statusCode(204);
        given().contentType(ContentType.JSON).body("{}").post(ROUTE).then().statusCode(204);
    }

    @Test
    void the_one_click_unsubscribe_form_is_no_json_route_and_still_works() {
        String token = new SignedLinks(secret.getBytes(StandardCharsets.UTF_8)).token(ClientLinks.UNSUBSCRIBE,
                UUID.randomUUID().toString(), Instant.now(), Instant.now().plus(Duration.ofHours(1)));

        given().queryParam("token", token).contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .when().post("/unsubscribe").then().statusCode(200);
        given().queryParam("token", token).header("Origin", "https://webmail.example").contentType(ContentType.URLENC)
                .formParam("List-Unsubscribe", "One-Click")
                .when().post("/unsubscribe").then().statusCode(200);
    }
}
