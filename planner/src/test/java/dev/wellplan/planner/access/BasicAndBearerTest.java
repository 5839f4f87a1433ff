package dev.wellplan.planner.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.wellplan.planner.Api;
import dev.wellplan.planner.Assessments;
import dev.wellplan.stack.TokenKeys;
import dev.wellplan.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/**
 * With Bearer tokens switched on by configuration alone (docs/operations.md, "Sign-in with an OIDC provider"), HTTP
 * Basic and Bearer work side by side on the planner: the same coach, by password or by token, is the same caller to
 * the access rules and the audit log. Here the tokens are the planner's own, checked with its public key, as the
 * notifier checks them; a provider's are checked the same way with the keys it publishes.
 */
@QuarkusTest
@TestProfile(BasicAndBearerTest.BearerSwitchedOn.class)
class BasicAndBearerTest {

    public static class BearerSwitchedOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.public-key", TestTokens.keys().publicKeyPem(),
                    "quarkus.oidc.token.issuer", TestTokens.ISSUER,
                    "quarkus.oidc.token.audience", TestTokens.AUDIENCE,
                    "wellplan.sign-in.challenges", "Basic realm=\"wellplan\",Bearer realm=\"wellplan\"");
        }
    }

    @Test
    void one_coach_by_password_or_by_token_is_one_caller() {
        String plan = Api.enrollAsCoach(Assessments.valid());
        String token = Api.asCoach().post("/api/auth/token").then().statusCode(200).extract().path("token");

        Api.asCoach().get("/api/plans/" + plan).then().statusCode(200);
        bearer(token).get("/api/plans/" + plan).then().statusCode(200);

        List<Map<String, Object>> reads = Api.asAdmin().get("/api/plans/" + plan + "/audit").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(a -> "GET /api/plans/{id}".equals(a.get("action"))).toList();
        assertThat(reads).extracting(a -> a.get("actorId")).as("the account id, by Basic and by Bearer")
                .containsExactly(AccessTokenApiTest.accountId(Api.COACH), AccessTokenApiTest.accountId(Api.COACH));
    }

    @Test
    void the_rules_hold_for_tokens_as_for_passwords() {
        String plan = Api.enrollAsCoach(Assessments.valid());

        bearer(TestTokens.of(UUID.randomUUID().toString(), "coach")).get("/api/plans/" + plan)
                .then().statusCode(404).contentType("application/problem+json");
        bearer(TestTokens.of(UUID.randomUUID().toString(), "admin")).get("/api/plans/" + plan).then().statusCode(200);
        bearer(TestTokens.of(UUID.randomUUID().toString(), "coach")).get("/api/admin/coaches")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void a_token_from_another_key_issuer_or_audience_or_an_expired_one_is_refused_with_both_challenges() {
        String plan = Api.enrollAsCoach(Assessments.valid());
        String admin = UUID.randomUUID().toString();
        for (String bad : List.of(
                TestTokens.signed(admin, "admin", TestTokens.ISSUER, TestTokens.AUDIENCE, Duration.ofMinutes(5),
                        TokenKeys.generate()),
                TestTokens.signed(admin, "admin", "someone-else", TestTokens.AUDIENCE, Duration.ofMinutes(5),
                        TestTokens.keys()),
                TestTokens.signed(admin, "admin", TestTokens.ISSUER, "another-service", Duration.ofMinutes(5),
                        TestTokens.keys()),
                TestTokens.signed(admin, "admin", TestTokens.ISSUER, TestTokens.AUDIENCE, Duration.ofMinutes(-5),
                        TestTokens.keys()))) {
            bearer(bad).get("/api/plans/" + plan).then().statusCode(401).contentType("application/problem+json");
        }
        List<String> challenges = given().get("/api/plans/" + plan).then().statusCode(401).extract()
                .headers().getValues("WWW-Authenticate");
        assertThat(challenges).containsExactly("Basic realm=\"wellplan\"", "Bearer realm=\"wellplan\"");
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
