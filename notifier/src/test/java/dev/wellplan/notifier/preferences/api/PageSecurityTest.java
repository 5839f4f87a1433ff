package dev.wellplan.notifier.preferences.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.wellplan.notifier.RealServers;
import dev.wellplan.notifier.links.ClientLinks;
import dev.wellplan.support.web.HtmlPages;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The client's pages run no script, load nothing but the stylesheet both services share, cannot be framed and pass their URL
 * (which holds the token) to no one; the notifier refuses request bodies larger than its forms need.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class PageSecurityTest {

    private static final String CSP = HtmlPages.CONTENT_SECURITY_POLICY;

    @Inject
    ClientLinks links;

    @Test
    void every_page_sends_its_content_security_policy_and_may_not_be_framed() {
        UUID client = UUID.randomUUID();
        String unsubscribe = token(links.unsubscribeUrl(client, Instant.now()));
        String preferences = token(links.preferencesUrl(client, Instant.now()));
        Map<String, Response> pages = Map.of(
                "unsubscribe", html().queryParam("token", unsubscribe).get("/unsubscribe"),
                "unsubscribed", html().queryParam("token", unsubscribe).contentType("application/x-www-form-urlencoded")
                        .formParam("List-Unsubscribe", "One-Click").post("/unsubscribe"),
                "preferences", html().queryParam("token", preferences).get("/preferences"),
                "link problem", html().queryParam("token", "forged").get("/preferences"));

        pages.forEach((name, page) -> {
            assertThat(page.contentType()).as(name).startsWith("text/html");
            assertThat(page.header("Content-Security-Policy")).as(name).isEqualTo(CSP);
            assertThat(page.header("X-Frame-Options")).as(name).isEqualTo("DENY");
            assertThat(page.header("Referrer-Policy")).as(name).isEqualTo("no-referrer");
            assertThat(page.asString()).as("%s: nothing the policy would block", name)
                    .contains("<link rel=\"stylesheet\" href=\"static/wellplan.css\">")
                    .doesNotContain("<script", "<style", "style=\"")
                    .doesNotContainPattern("\\son[a-z]+\\s*="); // inline event handlers are script too
        });
        given().get("/static/wellplan.css").then().statusCode(200).contentType(containsString("text/css"))
                .body(containsString("font-family"));
    }

    @Test
    void a_body_larger_than_any_form_is_refused_before_it_is_read() {
        String token = token(links.unsubscribeUrl(UUID.randomUUID(), Instant.now()));

        given().queryParam("token", token).contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click" + "x".repeat(70_000)).post("/unsubscribe")
                .then().statusCode(413);
    }

    private static RequestSpecification html() {
        return given().accept("text/html");
    }

    private static String token(String url) {
        return url.replaceFirst(".*token=", "");
    }
}
