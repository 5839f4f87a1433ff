package dev.wellplan.planner.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.wellplan.planner.Api;
import dev.wellplan.planner.RealServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The coach's session cookie, as it would leave a production planner behind a TLS-terminating proxy: Quarkus marks it
 * Secure only when the planner itself speaks TLS, so {@code wellplan.pages.secure-cookies} (on outside the local and
 * test profiles) does; HttpOnly and SameSite=Strict always. Sign-out removes it.
 */
@QuarkusTest
@TestProfile(SessionCookieTest.AsInProduction.class)
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class SessionCookieTest {

    /** The test profile with production's cookie setting. */
    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wellplan.pages.secure-cookies", "true");
        }
    }

    @Test
    void the_session_cookie_is_secure_http_only_and_same_site_strict() {
        Response signedIn = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", Api.COACH).formParam("j_password", Api.COACH_PASSWORD).post("/j_security_check");

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/coach/roster");
        String session = cookie(signedIn.headers().getValues("Set-Cookie"), Browser.SESSION);
        assertThat(session).containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Secure");
        assertThat(cookie(given().get("/enroll").headers().getValues("Set-Cookie"), Browser.CSRF)).contains("Secure");
    }

    @Test
    void a_wrong_password_goes_back_to_the_form_with_no_session() {
        Response refused = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", Api.COACH).formParam("j_password", "wrong password").post("/j_security_check");

        assertThat(refused.header("Location")).contains("/sign-in?failed=true");
        assertThat(refused.getCookie(Browser.SESSION)).isNull();
    }

    private static String cookie(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
    }
}
