package dev.wellplan.notifier.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.wellplan.calendar.SignedLinks;
import dev.wellplan.notifier.ClientPlans;
import dev.wellplan.notifier.RealServers;
import dev.wellplan.notifier.SignedIn;
import dev.wellplan.testing.RuleTables;
import dev.wellplan.testing.RuleTables.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The notifier's access rule table (docs/access.md), tested as a table: every route of the OpenAPI document ×
 * every kind of caller → the expected answer. A route the table does not name fails the test; every refusal must be
 * an RFC 9457 problem, and a 401 must ask for a Bearer token.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class AccessRuleTableTest {

    /** Who calls. POOL_COACH calls about a plan of the unassigned pool; everyone else about the assigned coach's plan. */
    enum Who { ANONYMOUS, CLIENT_LINK, ASSIGNED_COACH, OTHER_COACH, POOL_COACH, ADMIN }

    private static final Answer A = Answer.ALLOWED;
    private static final Answer E400 = Answer.BAD_REQUEST;
    private static final Answer E401 = Answer.UNAUTHORIZED;
    private static final Answer E404 = Answer.NOT_FOUND;

    private static final String ASSIGNED_COACH = UUID.randomUUID().toString();
    private static final String OTHER_COACH = UUID.randomUUID().toString();
    private static final String POOL_COACH = UUID.randomUUID().toString();

    /** How a route is called; {@code link} is the client's token (null for callers without one), where the route takes it. */
    private interface Call {
        Response send(RequestSpecification caller, ClientPlans plan, String link);
    }

    /** {@code link}: the purpose of the client link the plan's client holds for this route, and its subject. */
    private record Rule(String link, boolean linkNamesThePlan, List<Answer> expected, Call call) {
        Answer expect(Who who) {
            return expected.get(who.ordinal());
        }
    }

    private static final Map<String, Rule> TABLE = new LinkedHashMap<>();

    static {
        //                                                                  anon  link  assig other pool  admin
        rule("GET /api/plans/{id}/reminders", "plan", true, List.of(E401, E401, A, E404, A, A),
                (c, plan, link) -> query(c, link).get("/api/plans/" + plan.planId + "/reminders"));
        rule("GET /unsubscribe", "unsubscribe", false, List.of(E400, A, E400, E400, E400, E400),
                (c, plan, link) -> query(c, link).get("/unsubscribe"));
        rule("POST /unsubscribe", "unsubscribe", false, List.of(E400, A, E400, E400, E400, E400),
                (c, plan, link) -> query(c, link).contentType("application/x-www-form-urlencoded")
                        .formParam("List-Unsubscribe", "One-Click").post("/unsubscribe"));
        rule("GET /preferences", "preferences", false, List.of(E400, A, E400, E400, E400, E400),
                (c, plan, link) -> query(c, link).get("/preferences"));
        rule("POST /preferences", "preferences", false, List.of(E400, A, E400, E400, E400, E400),
                (c, plan, link) -> (link == null ? c : c.formParam("token", link))
                        .contentType("application/x-www-form-urlencoded").formParam("enabled", "true")
                        .post("/preferences"));
    }

    private static void rule(String route, String link, boolean linkNamesThePlan, List<Answer> expected, Call call) {
        TABLE.put(route, new Rule(link, linkNamesThePlan, expected, call));
    }

    private static RequestSpecification query(RequestSpecification caller, String link) {
        return link == null ? caller : caller.queryParam("token", link);
    }

    @TestHTTPResource(value = "openapi", management = true)
    URL openapi;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "wellplan.links.secret")
    String secret;

    @Test
    void every_route_of_the_openapi_document_has_a_rule_in_the_table() throws Exception {
        Set<String> routes = RuleTables.routes(given().queryParam("format", "json").get(openapi).asString());

        assertThat(routes).as("routes of /q/openapi").containsExactlyInAnyOrderElementsOf(TABLE.keySet());
    }

    @Test
    void every_route_answers_every_caller_as_the_table_says() throws Exception {
        ClientPlans assigned = ClientPlans.applied(bootstrap, ASSIGNED_COACH);
        ClientPlans pool = ClientPlans.applied(bootstrap, null);
        List<String> wrong = new ArrayList<>();
        TABLE.forEach((route, rule) -> {
            for (Who who : Who.values()) {
                ClientPlans plan = who == Who.POOL_COACH ? pool : assigned;
                Response answer = rule.call().send(caller(who), plan, who == Who.CLIENT_LINK ? link(rule, plan) : null);
                check(route + " as " + who, rule.expect(who), answer, wrong);
            }
        });
        assertThat(wrong).isEmpty();
    }

    private static void check(String what, Answer expected, Response answer, List<String> wrong) {
        Answer got = Answer.of(answer.statusCode());
        if (got != expected) {
            wrong.add(what + ": expected " + expected + ", got " + answer.statusCode());
        } else if (got != Answer.ALLOWED && !answer.contentType().startsWith("application/problem+json")) {
            wrong.add(what + ": a refusal without a problem body");
        } else if (got == Answer.UNAUTHORIZED && !"Bearer realm=\"wellplan\"".equals(answer.header("WWW-Authenticate"))) {
            wrong.add(what + ": a 401 that does not ask for a Bearer token");
        }
    }

    private static RequestSpecification caller(Who who) {
        return switch (who) {
            case ANONYMOUS, CLIENT_LINK -> given();
            case ASSIGNED_COACH -> SignedIn.asCoach(ASSIGNED_COACH);
            case OTHER_COACH -> SignedIn.asCoach(OTHER_COACH);
            case POOL_COACH -> SignedIn.asCoach(POOL_COACH);
            case ADMIN -> SignedIn.asAdmin();
        };
    }

    /** The link the plan's client holds for the route: about the plan, or, for the e-mail pages, about the client. */
    private String link(Rule rule, ClientPlans plan) {
        UUID subject = rule.linkNamesThePlan() ? plan.planId : plan.clientId;
        return new SignedLinks(secret.getBytes(StandardCharsets.UTF_8))
                .token(rule.link(), subject.toString(), Instant.now(), Instant.now().plusSeconds(3600));
    }

}
