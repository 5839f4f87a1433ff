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
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wellplan.planner.Api;
import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.RealServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The planner's access rule table (docs/access.md), tested as a table: every route of the OpenAPI document ×
 * every kind of caller → the expected answer. A route the table does not name fails the test, so a new route
 * cannot ship without a rule; every refusal must be an RFC 9457 problem.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class AccessRuleTableTest {

    /** Who calls. Plan-scoped routes get a plan of the seeded coach's; POOL_COACH gets a plan of the unassigned pool. */
    enum Who { ANONYMOUS, CLIENT_LINK, OTHER_CLIENT_LINK, ASSIGNED_COACH, OTHER_COACH, POOL_COACH, ADMIN }

    /** ALLOWED means a 2xx answer; the others are the refusal's status. */
    enum Expect { ALLOWED, UNAUTHORIZED, FORBIDDEN, NOT_FOUND }

    private static final Expect A = Expect.ALLOWED;
    private static final Expect E401 = Expect.UNAUTHORIZED;
    private static final Expect E403 = Expect.FORBIDDEN;
    private static final Expect E404 = Expect.NOT_FOUND;

    /** What a route needs to be called: its path with ids filled in, and its body. */
    private interface Call {
        Response send(RequestSpecification caller, String planId);
    }

    private record Rule(String link, List<Expect> expected, Call call) {
        Expect expect(Who who) {
            return expected.get(who.ordinal());
        }
    }

    private static final Map<String, Rule> TABLE = new LinkedHashMap<>();

    static {
        //                                                  anon  link  other  assig other pool  admin
        rule("POST /api/enrollments", "", List.of(A, A, A, A, A, A, A),
                (c, id) -> c.contentType(ContentType.JSON).body(Assessments.valid()).post("/api/enrollments"));
        rule("GET /api/plans/{id}", "plan", List.of(E401, A, E403, A, E404, A, A),
                (c, id) -> c.get("/api/plans/" + id));
        rule("POST /api/plans/{id}/clearance", "", List.of(E401, E401, E401, A, E404, E404, A),
                (c, id) -> c.contentType(ContentType.JSON).body("{}").post("/api/plans/" + id + "/clearance"));
        rule("GET /api/plans/{id}/history", "", List.of(E401, E401, E401, A, E404, A, A),
                (c, id) -> c.get("/api/plans/" + id + "/history"));
        rule("GET /api/plans/{id}/calendar.ics", "calendar", List.of(E401, A, E403, A, E404, E404, A),
                (c, id) -> c.get("/api/plans/" + id + "/calendar.ics"));
        rule("POST /api/plans/{id}/claim", "", List.of(E401, E401, E401, A, E404, A, E403),
                (c, id) -> c.post("/api/plans/" + id + "/claim"));
        rule("PUT /api/plans/{id}/coach", "", List.of(E401, E401, E401, E403, E403, E403, A),
                (c, id) -> c.contentType(ContentType.JSON).body("{\"coachId\": null}").put("/api/plans/" + id + "/coach"));
        rule("GET /api/plans/{id}/audit", "", List.of(E401, E401, E401, E403, E403, E403, A),
                (c, id) -> c.get("/api/plans/" + id + "/audit"));
        rule("GET /api/coach/plans", "", List.of(E401, E401, E401, A, A, A, A),
                (c, id) -> c.get("/api/coach/plans"));
        rule("GET /api/admin/coaches", "", List.of(E401, E401, E401, E403, E403, E403, A),
                (c, id) -> c.get("/api/admin/coaches"));
        rule("POST /api/admin/coaches", "", List.of(E401, E401, E401, E403, E403, E403, A),
                (c, id) -> c.contentType(ContentType.JSON).body(newCoach()).post("/api/admin/coaches"));
        rule("POST /api/admin/coaches/{id}/disable", "", List.of(E401, E401, E401, E403, E403, E403, A),
                (c, id) -> c.post("/api/admin/coaches/" + throwawayCoach() + "/disable"));
        rule("POST /api/admin/coaches/{id}/enable", "", List.of(E401, E401, E401, E403, E403, E403, A),
                (c, id) -> c.post("/api/admin/coaches/" + throwawayCoach() + "/enable"));
    }

    private static void rule(String route, String link, List<Expect> expected, Call call) {
        TABLE.put(route, new Rule(link, expected, call));
    }

    private static String otherCoach;

    /** The OpenAPI document is on the management interface (its root is /q), not the public port. */
    @TestHTTPResource(value = "openapi", management = true)
    URL openapi;

    /** A coach the plans are not assigned to; made once, when the application is up. */
    private static synchronized String otherCoach() {
        if (otherCoach == null) {
            otherCoach = "other-" + UUID.randomUUID() + "@example.org";
            Api.asAdmin().contentType(ContentType.JSON)
                    .body("{\"email\": \"" + otherCoach + "\", \"name\": \"Other Coach\", \"password\": \"other coach password\"}")
                    .post("/api/admin/coaches").then().statusCode(201);
        }
        return otherCoach;
    }

    @Test
    void every_route_of_the_openapi_document_has_a_rule_in_the_table() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().queryParam("format", "json").get(openapi).asString())
                .get("paths");
        Set<String> routes = new TreeSet<>();
        paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(
                method -> routes.add(method.toUpperCase() + " " + path)));

        assertThat(routes).as("routes of /q/openapi").containsExactlyInAnyOrderElementsOf(TABLE.keySet());
    }

    @Test
    void every_route_answers_every_caller_as_the_table_says() {
        List<String> wrong = new ArrayList<>();
        TABLE.forEach((route, rule) -> {
            for (Who who : Who.values()) {
                String planId = who == Who.POOL_COACH ? Api.enroll(awaiting()) : Api.enrollAsCoach(awaiting());
                Response answer = rule.call().send(caller(who, rule, planId), planId);
                Expect got = classify(answer.statusCode());
                if (got != rule.expect(who)) {
                    wrong.add(route + " as " + who + ": expected " + rule.expect(who) + ", got " + answer.statusCode());
                } else if (got != Expect.ALLOWED && !answer.contentType().startsWith("application/problem+json")) {
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
            case OTHER_COACH -> given().auth().preemptive().basic(otherCoach(), "other coach password");
            case ADMIN -> Api.asAdmin();
        };
    }

    private static Expect classify(int status) {
        if (status >= 200 && status < 300) {
            return Expect.ALLOWED;
        }
        return switch (status) {
            case 401 -> Expect.UNAUTHORIZED;
            case 403 -> Expect.FORBIDDEN;
            case 404 -> Expect.NOT_FOUND;
            default -> throw new AssertionError("an answer neither allowed nor refused: " + status);
        };
    }

    /** A plan awaiting clearance, so that recording clearance is allowed where the rule allows it. */
    private static String awaiting() {
        return Assessments.withRedFlags("[\"TINGLING\"]");
    }

    private static String newCoach() {
        return "{\"email\": \"new-" + UUID.randomUUID() + "@example.org\", \"name\": \"New Coach\","
                + " \"password\": \"a long enough password\"}";
    }

    private static String throwawayCoach() {
        return Api.asAdmin().contentType(ContentType.JSON).body(newCoach()).post("/api/admin/coaches")
                .then().statusCode(201).extract().path("id");
    }
}
