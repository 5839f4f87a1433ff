package dev.wellplan.planner.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.planner.RealServers;
import dev.wellplan.planner.access.app.Accounts;
import dev.wellplan.planner.access.app.DefaultAccounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A new installation's first admin comes from {@code wellplan.access.first-admin.*}: added once, able to add
 * coaches at once, never changed by a restart that still has the setting, and a half or bad setting stops the start.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class FirstAdminTest {

    private static final String PASSWORD = "the first admin's own password";

    @Inject
    Accounts accounts;

    @Inject
    Jdbi jdbi;

    private static AccessConfig.FirstAdmin setting(String email, String password) {
        return new AccessConfig.FirstAdmin() {
            @Override
            public Optional<String> email() {
                return Optional.ofNullable(email);
            }

            @Override
            public Optional<String> password() {
                return Optional.ofNullable(password);
            }
        };
    }

    @Test
    void the_first_admin_is_added_once_and_may_add_coaches_at_once() {
        String email = "Ops." + UUID.randomUUID() + "@Clinic.example";

        DefaultAccounts.addFirstAdmin(setting(email, PASSWORD), accounts);
        DefaultAccounts.addFirstAdmin(setting(email, "another password, after a restart"), accounts);

        List<String> roles = jdbi.withHandle(h -> h.createQuery("SELECT role FROM planner.account WHERE login = :login")
                .bind("login", email.toLowerCase()).mapTo(String.class).list());
        assertThat(roles).containsExactly("admin");
        given().auth().preemptive().basic(email.toLowerCase(), PASSWORD).contentType("application/json")
                .body("{\"email\": \"coach-" + UUID.randomUUID() + "@clinic.example\", \"name\": \"First Coach\", "
                        + "\"password\": \"a coach's long password\"}")
                .post("/api/admin/coaches").then().statusCode(201);
        given().auth().preemptive().basic(email.toLowerCase(), "another password, after a restart")
                .get("/api/admin/coaches").then().statusCode(401);
    }

    private long accountCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM planner.account").mapTo(Long.class).one());
    }

    @Test
    void no_setting_changes_nothing_and_a_half_or_bad_one_stops_the_start() {
        long before = accountCount();
        DefaultAccounts.addFirstAdmin(setting(null, null), accounts);
        assertThat(accountCount()).isEqualTo(before);

        assertThatThrownBy(() -> DefaultAccounts.addFirstAdmin(setting("ops@clinic.example", null), accounts))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WELLPLAN_ACCESS_FIRST_ADMIN_PASSWORD");
        assertThatThrownBy(() -> DefaultAccounts.addFirstAdmin(setting(null, PASSWORD), accounts))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WELLPLAN_ACCESS_FIRST_ADMIN_EMAIL");
        assertThatThrownBy(() -> DefaultAccounts.addFirstAdmin(setting("not an address", "short"), accounts))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("email must be a valid e-mail address")
                .hasMessageContaining("password must be at least 12 characters")
                .hasMessageNotContaining("short");
    }
}
