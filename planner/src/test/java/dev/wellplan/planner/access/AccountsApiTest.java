package dev.wellplan.planner.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.planner.RealServers;
import dev.wellplan.planner.access.app.DefaultAccounts;
import dev.wellplan.planner.access.store.AccountDao;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Coach accounts in PostgreSQL: an admin adds them, they sign in, they can be disabled; guesses are throttled. */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class AccountsApiTest {

    static final String PASSWORD = "a long enough password";

    @Inject
    Jdbi jdbi;

    @Test
    void an_admin_adds_a_coach_who_then_signs_in_with_the_address() {
        String email = "Coach." + UUID.randomUUID() + "@Example.org";

        var added = addCoach(email, "Rita Coach", PASSWORD).statusCode(201)
                .body("role", equalTo("coach")).body("login", equalTo(email.toLowerCase()))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash"))).extract();
        String id = added.path("id");
        assertThat(added.header("Location")).isEqualTo("/api/admin/coaches/" + id);

        asCoach(email.toLowerCase(), PASSWORD).get("/api/admin/coaches").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().preemptive().basic("admin", "admin-local").when().get("/api/admin/coaches")
                .then().statusCode(200).body("id", hasItem(id)).body("[0]", not(org.hamcrest.Matchers.hasKey("passwordHash")));
        String stored = jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM planner.account WHERE id = :id")
                .bind("id", UUID.fromString(id)).mapTo(String.class).one());
        assertThat(stored).startsWith("$2").doesNotContain(PASSWORD);
    }

    @Test
    void bad_input_is_named_field_by_field_and_an_address_has_one_account() {
        addCoach("not-an-address", " ", "short").statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("email", "name", "password"));
        addCoach("x@example.org", "X", "é".repeat(40)).statusCode(400).body("errors[0].field", equalTo("password"));

        String email = "twice-" + UUID.randomUUID() + "@example.org";
        addCoach(email, "Once", PASSWORD).statusCode(201);
        addCoach(email.toUpperCase(), "Twice", PASSWORD).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void only_an_admin_manages_accounts() {
        given().contentType(ContentType.JSON).body("{}").when().post("/api/admin/coaches").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"));
        asCoach("coach", "coach-local").contentType(ContentType.JSON)
                .body("{\"email\": \"x@example.org\", \"name\": \"X\", \"password\": \"" + PASSWORD + "\"}")
                .post("/api/admin/coaches").then().statusCode(403);
    }

    @Test
    void a_disabled_coach_cannot_sign_in_even_moments_after_a_successful_one() {
        String email = "leaving-" + UUID.randomUUID() + "@example.org";
        String id = addCoach(email, "Leaving", PASSWORD).statusCode(201).extract().path("id");
        asCoach(email, PASSWORD).get("/api/admin/coaches").then().statusCode(403); // signed in: a coach, not an admin

        given().auth().preemptive().basic("admin", "admin-local").contentType(ContentType.JSON).when().post("/api/admin/coaches/" + id + "/disable")
                .then().statusCode(200).body("disabled", equalTo(true));
        asCoach(email, PASSWORD).get("/api/admin/coaches").then().statusCode(401);

        given().auth().preemptive().basic("admin", "admin-local").contentType(ContentType.JSON).when().post("/api/admin/coaches/" + id + "/enable")
                .then().statusCode(200).body("disabled", equalTo(false));
        asCoach(email, PASSWORD).get("/api/admin/coaches").then().statusCode(403);
        given().auth().preemptive().basic("admin", "admin-local").contentType(ContentType.JSON).when()
                .post("/api/admin/coaches/" + UUID.randomUUID() + "/disable").then().statusCode(404);
    }

    @Test
    void repeated_wrong_passwords_are_throttled_for_known_and_unknown_logins_alike() {
        String email = "guessed-" + UUID.randomUUID() + "@example.org";
        addCoach(email, "Guessed", PASSWORD).statusCode(201);
        String unknown = "nobody-" + UUID.randomUUID() + "@example.org";

        for (String login : List.of(email, unknown)) {
            for (int i = 0; i < 5; i++) {
                asCoach(login, "wrong password " + i).get("/api/admin/coaches").then().statusCode(401);
            }
            asCoach(login, PASSWORD).get("/api/admin/coaches").then().statusCode(429)
                    .contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
        }
        asCoach("coach", "coach-local").get("/api/admin/coaches").then().statusCode(403); // others are not affected
        long stored = jdbi.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM planner.sign_in_failure WHERE login_key LIKE :address")
                .bind("address", "%example.org%").mapTo(Long.class).one());
        assertThat(stored).as("failures are keyed by a hash, never by the address").isZero();
    }

    @Test
    void outside_the_local_and_test_profiles_the_published_passwords_stop_the_start() {
        assertThatThrownBy(() -> DefaultAccounts.refuseKnownPasswords(jdbi.onDemand(AccountDao.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'");
    }

    private static ValidatableResponse addCoach(String email, String name, String password) {
        return given().auth().preemptive().basic("admin", "admin-local").contentType(ContentType.JSON)
                .body("{\"email\": \"" + email + "\", \"name\": \"" + name + "\", \"password\": \"" + password + "\"}")
                .when().post("/api/admin/coaches").then();
    }

    private static io.restassured.specification.RequestSpecification asCoach(String login, String password) {
        return given().auth().preemptive().basic(login, password).when();
    }
}
