package dev.wellplan.planner.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.wellplan.planner.Api;
import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.CheckInScenes;
import dev.wellplan.planner.RealServers;
import dev.wellplan.testing.RuleTables;
import dev.wellplan.testing.RuleTables.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The planner's access rule table (docs/access.md), tested as a table: every route of the OpenAPI document (the JSON
 * API; the pages have their own table, {@code PageRuleTableTest}) × every kind of caller → the expected answer. A route the table does not name fails the test, so a new route
 * cannot ship without a rule; every refusal must be an RFC 9457 problem.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class AccessRuleTableTest {

    /** Who calls. Plan-scoped routes get a plan of the seeded coach's; POOL_COACH gets a plan of the unassigned pool. */
    enum Who { ANONYMOUS, CLIENT_LINK, OTHER_CLIENT_LINK, ASSIGNED_COACH, OTHER_COACH, POOL_COACH, ADMIN }

    private static final Answer A = Answer.ALLOWED;
    private static final Answer E401 = Answer.UNAUTHORIZED;
    private static final Answer E403 = Answer.FORBIDDEN;
    private static final Answer E404 = Answer.NOT_FOUND;

    /** What a route needs to be called: its path with ids filled in, and its body. */
    private interface Call {
        Response send(RequestSpecification caller, String planId);
    }

    private record Rule(String link, List<Answer> expected, Call call) {
        Answer expect(Who who) {
            return expected.get(who.ordinal());
        }
    }

    private static final Map<String, Rule> TABLE = new LinkedHashMap<>();

    static {
        //                                                  anon  link  other  assig other pool  admin
        rule("POST /api/enrollments", "", List.of(A, A, A, A, A, A, A),
                (c, id) -> c.contentType(ContentType.JSON).body(Assessments.valid()).post("/api/enrollments"));
        rule("POST /api/access-links", "", List.of(A, A, A, A, A, A, A),
                (c, id) -> c.contentType(ContentType.JSON).body("{\"email\": \"" + Assessments.newAddress() + "\"}")
                        .post("/api/access-links"));
        rule("GET /api/plans/{id}", "plan", List.of(E401, A, E403, A, E404, A, A),
                (c, id) -> c.get("/api/plans/" + id));
        rule("POST /api/plans/{id}/clearance", "", List.of(E401, E401, E401, A, E404, E404, A),
                (c, id) -> c.contentType(ContentType.JSON).body("{}").post("/api/plans/" + id + "/clearance"));
        rule("POST /api/plans/{id}/confirmation", "confirm", List.of(E401, A, E403, E403, E403, E403, E403),
                (c, id) -> c.contentType(ContentType.JSON).post("/api/plans/" + id + "/confirmation"));
        rule("POST /api/plans/{id}/sign-out", "plan", List.of(E401, A, E403, A, E404, E404, A),
                (c, id) -> c.contentType(ContentType.JSON).post("/api/plans/" + id + "/sign-out"));
        rule("GET /api/plans/{id}/history", "plan", List.of(E401, A, E403, A, E404, A, A),
                (c, id) -> c.get("/api/plans/" + id + "/history"));
        rule("POST /api/plans/{id}/adjustments", "", List.of(E401, E401, E401, A, E404, E404, A),
                (c, id) -> c.contentType(ContentType.JSON).header("If-Match", etag(id))
                        .body("{\"reason\": \"rule table\", \"dryRun\": true, \"operations\": [{\"op\": \"cancel\"}]}")
                        .post("/api/plans/" + id + "/adjustments"));
        rule("GET /api/plans/{id}/calendar.ics", "calendar", List.of(E401, A, E403, A, E404, E404, A),
                (c, id) -> c.get("/api/plans/" + id + "/calendar.ics"));
        rule("POST /api/plans/{id}/claim", "", List.of(E401, E401, E401, A, E404, A, E403),
                (c, id) -> c.contentType(ContentType.JSON).post("/api/plans/" + id + "/claim"));
        rule("PUT /api/plans/{id}/coach", "", List.of(E401, E401, E401, E403, E403, E403, A),
                (c, id) -> c.contentType(ContentType.JSON).body("{\"coachId\": null}").put("/api/plans/" + id + "/coach"));
        rule("GET /api/plans/{id}/audit", "", List.of(E401, E401, E401, E403, E403, E403, A),
                (c, id) -> c.get("/api/plans/" + id + "/audit"));
        rule("POST /api/plans/{id}/check-ins", "check-in", List.of(E401, A, E403, A, E404, E404, A),
                (c, id) -> c.contentType(ContentType.JSON).body("{\"soreness\": 1, \"pain\": 2}")
                        .post("/api/plans/" + id + "/check-ins"));
        rule("GET /api/plans/{id}/check-ins", "", List.of(E401, E401, E401, A, E404, A, A),
                (c, id) -> c.get("/api/plans/" + id + "/check-ins"));
        rule("POST /api/plans/{id}/proposals/{pid}/accept", "", List.of(E401, E401, E401, A, E404, E404, A),
                (c, id) -> {
                    String proposal = CheckInScenes.proposal(id);
                    return c.contentType(ContentType.JSON).header("If-Match", CheckInScenes.etag(id))
                            .post("/api/plans/" + id + "/proposals/" + proposal + "/accept");
                });
        rule("POST /api/plans/{id}/proposals/{pid}/dismiss", "", List.of(E401, E401, E401, A, E404, E404, A),
                (c, id) -> c.contentType(ContentType.JSON)
                        .post("/api/plans/" + id + "/proposals/" + CheckInScenes.proposal(id) + "/dismiss"));
        rule("POST /api/plans/{id}/alerts/{aid}/clear", "", List.of(E401, E401, E401, A, E404, E404, A),
                (c, id) -> c.contentType(ContentType.JSON)
                        .post("/api/plans/" + id + "/alerts/" + CheckInScenes.alert(id) + "/clear"));
        rule("GET /api/coach/plans", "", List.of(E401, E401, E401, A, A, A, A),
                (c, id) -> c.get("/api/coach/plans"));
        rule("GET /api/coach/alerts", "", List.of(E401, E401, E401, A, A, A, A),
                (c, id) -> c.get("/api/coach/alerts"));
        rule("POST /api/auth/token", "", List.of(E401, E401, E401, A, A, A, A),
                (c, id) -> c.contentType(ContentType.JSON).post("/api/auth/token"));
        rule("GET /api/admin/coaches", "", List.of(E401, E401, E401, E403, E403, E403, A),
                (c, id) -> c.get("/api/admin/coaches"));
        rule("POST /api/admin/coaches", "", List.of(E401, E401, E401, E403, E403, E403, A),
                (c, id) -> c.contentType(ContentType.JSON).body(newCoach()).post("/api/admin/coaches"));
        rule("POST /api/admin/coaches/{id}/disable", "", List.of(E401, E401, E401, E403, E403, E403, A),
                (c, id) -> c.contentType(ContentType.JSON).post("/api/admin/coaches/" + Api.throwawayCoach() + "/disable"));
        rule("POST /api/admin/coaches/{id}/enable", "", List.of(E401, E401, E401, E403, E403, E403, A),
                (c, id) -> c.contentType(ContentType.JSON).post("/api/admin/coaches/" + Api.throwawayCoach() + "/enable"));
    }

    private static void rule(String route, String link, List<Answer> expected, Call call) {
        TABLE.put(route, new Rule(link, expected, call));
    }

    /** The OpenAPI document is on the management interface (its root is /q), not the public port. */
    @TestHTTPResource(value = "openapi", management = true)
    URL openapi;

    @Test
    void every_route_of_the_openapi_document_has_a_rule_in_the_table() throws Exception {
        Set<String> routes = RuleTables.routes(given().queryParam("format", "json").get(openapi).asString());

        assertThat(routes).as("routes of /q/openapi").containsExactlyInAnyOrderElementsOf(TABLE.keySet());
    }

    @Test
    void every_route_answers_every_caller_as_the_table_says() {
        List<String> wrong = new ArrayList<>();
        TABLE.forEach((route, rule) -> {
            for (Who who : Who.values()) {
                String planId = who == Who.POOL_COACH ? Api.confirmedPoolPlan(awaiting()) : Api.confirmedPlanOfCoach(awaiting());
                Response answer = rule.call().send(caller(who, rule, planId), planId);
                Answer got = Answer.of(answer.statusCode());
                if (got != rule.expect(who)) {
                    wrong.add(route + " as " + who + ": expected " + rule.expect(who) + ", got " + answer.statusCode());
                } else if (got != Answer.ALLOWED && !answer.contentType().startsWith("application/problem+json")) {
                    wrong.add(route + " as " + who + ": a refusal without a problem body");
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    private static RequestSpecification caller(Who who, Rule rule, String planId) {
        String purpose = rule.link().isEmpty() ? "plan" : rule.link();
        return switch (who) {
            case ANONYMOUS -> given();
            case CLIENT_LINK -> given().queryParam("token", Api.link(purpose, planId, Duration.ofHours(1)));
            case OTHER_CLIENT_LINK -> given().queryParam("token",
                    Api.link(purpose, UUID.randomUUID().toString(), Duration.ofHours(1)));
            case ASSIGNED_COACH, POOL_COACH -> Api.asCoach();
            case OTHER_COACH -> given().auth().preemptive().basic(Api.otherCoach(), Api.OTHER_COACH_PASSWORD);
            case ADMIN -> Api.asAdmin();
        };
    }

    /** A plan awaiting clearance, so that recording clearance is allowed where the rule allows it. */
    private static String awaiting() {
        return Assessments.withRedFlags("[\"TINGLING\"]");
    }

    /** The plan's ETag, which an adjustment must send as If-Match to get past it to the rules. */
    private static String etag(String planId) {
        return Api.asAdmin().get("/api/plans/" + planId).header("ETag");
    }

    private static String newCoach() {
        return "{\"email\": \"new-" + UUID.randomUUID() + "@example.org\", \"name\": \"New Coach\","
                + " \"password\": \"a long enough password\"}";
    }

}
