package dev.wellplan.notifier.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.notifier.ClientPlans;
import dev.wellplan.notifier.RealServers;
import dev.wellplan.notifier.SignedIn;
import dev.wellplan.notifier.links.ClientLinks;
import dev.wellplan.stack.TokenKeys;
import dev.wellplan.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Coaches and admins sign in to the notifier with the planner's tokens, checked with its public key alone; the client
 * links of the e-mail pages work beside them, untouched; what coaches and admins read is audited in the notifier's
 * own append-only log.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class BearerSignInTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Jdbi jdbi;

    @Inject
    ClientLinks links;

    @Test
    void the_planners_token_lets_the_coach_read_their_plan_and_the_read_is_audited() throws Exception {
        String coach = UUID.randomUUID().toString();
        ClientPlans plan = ClientPlans.applied(bootstrap, coach);

        SignedIn.asCoach(coach).get("/api/plans/" + plan.planId + "/reminders").then().statusCode(200);

        assertThat(audit(plan.planId)).containsExactly(tuple(coach, "coach", "GET /api/plans/{id}/reminders", 200));
    }

    @Test
    void a_token_of_another_key_issuer_or_audience_an_expired_one_or_a_password_is_refused() throws Exception {
        ClientPlans plan = ClientPlans.applied(bootstrap, null);
        String admin = UUID.randomUUID().toString();
        Duration valid = Duration.ofMinutes(5);
        for (String bad : List.of(
                TestTokens.signed(admin, "admin", TestTokens.ISSUER, TestTokens.AUDIENCE, valid, TokenKeys.generate()),
                TestTokens.signed(admin, "admin", "someone-else", TestTokens.AUDIENCE, valid, TestTokens.keys()),
                TestTokens.signed(admin, "admin", TestTokens.ISSUER, "wellplan-planner", valid, TestTokens.keys()),
                TestTokens.signed(admin, "admin", TestTokens.ISSUER, TestTokens.AUDIENCE, valid.negated(),
                        TestTokens.keys()),
                "not.a.token")) {
            SignedIn.bearer(bad).get("/api/plans/" + plan.planId + "/reminders").then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", "Bearer realm=\"wellplan\"");
        }
        given().auth().preemptive().basic("admin", "admin-local").get("/api/plans/" + plan.planId + "/reminders")
                .then().statusCode(401).contentType("application/problem+json");
        assertThat(audit(plan.planId)).as("no one was let in").isEmpty();
    }

    @Test
    void the_e_mail_pages_take_their_link_whatever_the_authorization_header_says() {
        String token = links.unsubscribeUrl(UUID.randomUUID(), Instant.now()).replaceFirst(".*token=", "");

        SignedIn.bearer("not.a.token").queryParam("token", token).get("/unsubscribe").then().statusCode(200);
        SignedIn.asAdmin().get("/unsubscribe").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void the_audit_log_refuses_updates_and_deletes() {
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("UPDATE notifier.audit SET status = 200")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("DELETE FROM notifier.audit")))
                .hasMessageContaining("append-only");
    }

    /** The plan's audit records, but for the test admin's reads while waiting for the plan to be applied. */
    private List<org.assertj.core.groups.Tuple> audit(UUID planId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT actor_id, actor_role, action, status FROM notifier.audit
                        WHERE plan_id = :planId AND actor_id <> :admin ORDER BY id""")
                .bind("planId", planId).bind("admin", SignedIn.ADMIN_ID)
                .map((rs, ctx) -> tuple(rs.getString("actor_id"), rs.getString("actor_role"), rs.getString("action"),
                        rs.getInt("status")))
                .list());
    }
}
