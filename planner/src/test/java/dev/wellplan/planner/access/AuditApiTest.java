package dev.wellplan.planner.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.planner.Api;
import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.RealServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What coaches and admins read and change is written down, and the record cannot be rewritten. */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class AuditApiTest {

    @Inject
    Jdbi jdbi;

    @Test
    void reads_and_changes_by_coaches_are_audited_with_who_what_and_from_where() {
        String id = Api.confirmedPlanOfCoach(Assessments.withRedFlags("[\"TINGLING\"]"));
        Api.asCoach().get("/api/plans/" + id).then().statusCode(200);
        Api.asCoach().contentType(ContentType.JSON).body("{}").post("/api/plans/" + id + "/clearance")
                .then().statusCode(200);
        Api.asCoach().contentType(ContentType.JSON).body("{}").post("/api/plans/" + id + "/clearance")
                .then().statusCode(409);

        List<Map<String, Object>> audit = Api.asAdmin().get("/api/plans/" + id + "/audit").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(a -> "coach".equals(a.get("actorRole"))).toList();

        assertThat(audit).extracting(a -> a.get("action") + " " + a.get("status")).containsExactly(
                "GET /api/plans/{id} 200", "POST /api/plans/{id}/clearance 200",
                "POST /api/plans/{id}/clearance 409");
        assertThat(audit).allSatisfy(a -> {
            assertThat(a.get("actorRole")).isEqualTo("coach");
            assertThat((String) a.get("actorId")).matches("[0-9a-f-]{36}");
            assertThat(a.get("address")).isNotNull();
        });
        Api.asAdmin().get("/api/plans/" + id + "/audit").then()
                .body("findAll { it.actorRole == 'admin' }.action", equalTo(List.of("GET /api/plans/{id}/audit")));
    }

    @Test
    void the_audit_table_refuses_updates_and_deletes() {
        String id = Api.enrollAsCoach(Assessments.valid());
        Api.asCoach().get("/api/plans/" + id).then().statusCode(200);

        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("UPDATE planner.audit SET status = 200")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("DELETE FROM planner.audit")))
                .hasMessageContaining("append-only");
    }
}
