package dev.wellplan.notifier;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import dev.wellplan.testing.TestTokens;
import io.restassured.specification.RequestSpecification;

/** The notifier's API as coaches and admins reach it: with a Bearer token shaped like the planner's. */
public final class SignedIn {

    /** The admin of these tests; any account id will do, since the notifier keeps no accounts. */
    public static final String ADMIN_ID = UUID.randomUUID().toString();

    private SignedIn() {
    }

    public static RequestSpecification asAdmin() {
        return bearer(TestTokens.of(ADMIN_ID, "admin"));
    }

    public static RequestSpecification asCoach(String accountId) {
        return bearer(TestTokens.of(accountId, "coach"));
    }

    public static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
