package dev.wellplan.planner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.planner.Api;
import dev.wellplan.planner.RealServers;
import dev.wellplan.planner.access.AccessConfig;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A page session ends when its account is disabled, although the planner remembers a session's account for
 * {@code wellplan.access.session-recheck} rather than read it on every page: at once on the instance the admin
 * disabled it on, and within that time on another instance (here: the flag set in the database behind this one's
 * back, as another instance would). Its pages are then refused (401), as they were when every page read the account.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class SessionSignOutTest {

    static final String PASSWORD = "a long enough password";
    /** What a session of a disabled account gets: its sign-in is refused, as a wrong password's would be. */
    static final int REFUSED = 401;

    @Inject
    Jdbi jdbi;
    @Inject
    AccessConfig config;

    @Test
    void a_coach_disabled_by_an_admin_is_signed_out_of_the_pages_at_once() {
        String login = newCoach();
        String session = Browser.signIn(login, PASSWORD);
        assertThat(roster(session).statusCode()).isEqualTo(200);
        assertThat(roster(session).statusCode()).as("the session's account, remembered").isEqualTo(200);

        Api.asAdmin().post("/api/admin/coaches/" + id(login) + "/disable").then().statusCode(200);

        assertThat(roster(session).statusCode()).isEqualTo(REFUSED);
    }

    @Test
    void a_coach_disabled_on_another_instance_is_signed_out_within_the_session_recheck() {
        String login = newCoach();
        String session = Browser.signIn(login, PASSWORD);
        assertThat(roster(session).statusCode()).isEqualTo(200);

        jdbi.useHandle(h -> h.createUpdate("UPDATE planner.account SET disabled = true WHERE login = :login")
                .bind("login", login).execute());
        assertThat(roster(session).statusCode()).as("remembered a moment ago, not read again yet").isEqualTo(200);

        // the recheck time, and a little for a slow machine's requests
        await().atMost(config.sessionRecheck().plusSeconds(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> roster(session).statusCode() == REFUSED);
    }

    private static Response roster(String session) {
        return Browser.anonymous().cookie(Browser.SESSION, session).get("/coach/roster");
    }

    private static String newCoach() {
        String login = "session-" + UUID.randomUUID() + "@example.org";
        Api.asAdmin().body("{\"email\": \"" + login + "\", \"name\": \"Session Coach\", \"password\": \"" + PASSWORD
                + "\"}").post("/api/admin/coaches").then().statusCode(201);
        return login;
    }

    private String id(String login) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id::text FROM planner.account WHERE login = :login")
                .bind("login", login).mapTo(String.class).one());
    }
}
