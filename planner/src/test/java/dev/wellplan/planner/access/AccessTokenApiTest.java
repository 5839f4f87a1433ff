package dev.wellplan.planner.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import dev.wellplan.planner.Api;
import dev.wellplan.planner.RealServers;
import dev.wellplan.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.util.KeyUtils;

/** One sign-in for both services: the planner gives a signed-in coach or admin a short-lived token for the notifier. */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class AccessTokenApiTest {

    @Test
    void a_coach_gets_a_token_for_the_notifier_that_names_their_account_and_role() throws Exception {
        Response answer = Api.asCoach().post("/api/auth/token");

        answer.then().statusCode(200).header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(900));
        JwtClaims claims = verified(answer.path("token"));
        assertThat(claims.getSubject()).as("the id plans are assigned by").isEqualTo(accountId(Api.COACH));
        assertThat(claims.getClaimValueAsString("upn")).isEqualTo(Api.COACH);
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("coach");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(900);
    }

    @Test
    void an_admin_gets_one_with_the_admin_role() throws Exception {
        JwtClaims claims = verified(Api.asAdmin().post("/api/auth/token").then().statusCode(200).extract().path("token"));

        assertThat(claims.getSubject()).isEqualTo(accountId(Api.ADMIN));
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("admin");
    }

    @Test
    void no_one_else_gets_one() {
        given().post("/api/auth/token").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Basic realm=\"wellplan\"");
        given().contentType("application/json").auth().preemptive().basic(Api.COACH, "not the password").post("/api/auth/token")
                .then().statusCode(401).contentType("application/problem+json");
    }

    /** The token's signature, issuer, audience and expiry, checked as the notifier checks them. */
    static JwtClaims verified(String token) throws Exception {
        return new JwtConsumerBuilder()
                .setVerificationKey(KeyUtils.decodePublicKey(TestTokens.keys().publicKeyPem()))
                .setExpectedIssuer(TestTokens.ISSUER)
                .setExpectedAudience(TestTokens.AUDIENCE)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .build().processToClaims(token);
    }

    static String accountId(String login) {
        List<Map<String, Object>> accounts = Api.asAdmin().get("/api/admin/coaches").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return accounts.stream().filter(a -> login.equals(a.get("login"))).map(a -> (String) a.get("id"))
                .findFirst().orElseThrow();
    }
}
