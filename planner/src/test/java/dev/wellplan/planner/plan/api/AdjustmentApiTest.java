package dev.wellplan.planner.plan.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.planner.Api;
import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.RealServers;
import dev.wellplan.planner.plan.store.PlanDocuments;
import dev.wellplan.rules.Plan;
import dev.wellplan.rules.PlanItem;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** {@code POST /api/plans/{id}/adjustments}: If-Match, Idempotency-Key, the rules' refusals, overrides, events. */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class AdjustmentApiTest {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @Inject
    Jdbi jdbi;

    @Inject
    PlanDocuments documents;

    /** A plan of the seeded coach's, confirmed by its client: active from next Monday, at version 2. */
    private static String activePlan() {
        return Api.confirmedPlanOfCoach(Assessments.valid());
    }

    private static String moveSecondSession(String planId) {
        return Adjust.moveItem("massage-2", Adjust.start(planId, "massage-2").plusDays(1).withHour(11));
    }

    @Test
    void without_if_match_the_answer_is_428_and_nothing_changes() {
        String id = activePlan();

        Adjust.post(Api.asCoach(), id, null, Adjust.body(moveSecondSession(id)))
                .then().statusCode(428).contentType("application/problem+json")
                .body("errors.field", hasItem("If-Match"));
        Api.asCoach().header("If-Match", "*").contentType("application/json").body(Adjust.body(moveSecondSession(id)))
                .post("/api/plans/" + id + "/adjustments").then().statusCode(428);
        Api.asCoach().header("If-Match", "version 2").contentType("application/json")
                .body(Adjust.body(moveSecondSession(id))).post("/api/plans/" + id + "/adjustments")
                .then().statusCode(400).body("errors.field", hasItem("If-Match"));

        assertThat(Adjust.version(id)).isEqualTo(2);
        assertThat(Adjust.events(jdbi, id)).hasSize(2);
    }

    @Test
    void a_stale_if_match_is_412_naming_the_current_version_and_nothing_changes() {
        String id = activePlan();

        Adjust.asCoach(id, 1, Adjust.body(moveSecondSession(id)))
                .then().statusCode(412).contentType("application/problem+json")
                .body("currentVersion", equalTo(2));

        assertThat(Adjust.version(id)).isEqualTo(2);
        assertThat(Adjust.events(jdbi, id)).hasSize(2);
    }

    @Test
    void an_applied_adjustment_is_the_next_version_with_its_etag_and_one_event_that_keeps_the_reason_home() {
        String id = activePlan();
        LocalDateTime to = Adjust.start(id, "massage-2").plusDays(1).withHour(11);

        Adjust.asCoach(id, 2, Adjust.body(false, false, Adjust.moveItem("massage-2", to)))
                .then().statusCode(200)
                .header("ETag", equalTo("\"3\""))
                .body("version", equalTo(3))
                .body("status", equalTo("ACTIVE"))
                .body("items.find { it.id == 'massage-2' }.start", equalTo(to.toString() + ":00"));

        List<PlanEvent> events = Adjust.events(jdbi, id);
        assertThat(events).hasSize(3);
        PlanEvent adjusted = events.get(2);
        assertThat(adjusted.type()).isEqualTo(PlanEventType.PlanAdjusted);
        assertThat(adjusted.planVersion()).isEqualTo(3);
        assertThat(adjusted.change().silent()).as("notifyClient false").isTrue();
        assertThat(adjusted.change().reason()).as("a fixed phrase, never the coach's words")
                .isEqualTo("coach adjusted the plan: moveItem").doesNotContain("Saturday");
        assertThat(adjusted.plan().items()).filteredOn(i -> i.id().equals("massage-2"))
                .extracting(PlanSnapshot.Item::start).containsExactly(to);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_gets_the_first_answer_and_another_body_is_422() {
        String id = activePlan();
        String key = UUID.randomUUID().toString();
        String body = Adjust.body(moveSecondSession(id));

        Response first = Api.asCoach().header("Idempotency-Key", key).header("If-Match", "\"2\"")
                .contentType("application/json").body(body).post("/api/plans/" + id + "/adjustments");
        Response retry = Api.asCoach().header("Idempotency-Key", key).header("If-Match", "\"2\"")
                .contentType("application/json").body(body).post("/api/plans/" + id + "/adjustments");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).as("not 412: the retry repeats the first answer").isEqualTo(200);
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("ETag")).isEqualTo("\"3\"");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(Adjust.version(id)).isEqualTo(3);
        assertThat(Adjust.events(jdbi, id)).as("one adjustment, one event").hasSize(3);

        Api.asCoach().header("Idempotency-Key", key).header("If-Match", "\"3\"").contentType("application/json")
                .body(Adjust.body("{\"op\": \"cancel\"}")).post("/api/plans/" + id + "/adjustments")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
        assertThat(Adjust.version(id)).isEqualTo(3);
    }

    @Test
    void a_refused_adjustment_keeps_no_key_so_its_retry_is_decided_again() {
        String id = activePlan();
        String key = UUID.randomUUID().toString();

        Api.asCoach().header("Idempotency-Key", key).header("If-Match", "\"1\"").contentType("application/json")
                .body(Adjust.body(moveSecondSession(id))).post("/api/plans/" + id + "/adjustments")
                .then().statusCode(412);
        Api.asCoach().header("Idempotency-Key", key).header("If-Match", "\"2\"").contentType("application/json")
                .body(Adjust.body(moveSecondSession(id))).post("/api/plans/" + id + "/adjustments")
                .then().statusCode(200).header("ETag", "\"3\"");
    }

    @Test
    void SAFE_2_and_every_other_reason_are_refused_at_once_naming_rule_ids_items_and_operations() {
        String id = Api.confirmedPlanOfCoach(Assessments.valid().replace("NON_SPECIFIC", "SUSPECTED_DISC"));
        Api.asCoach().body("{}").post("/api/plans/" + id + "/clearance").then().statusCode(200);

        JsonPath problem = Adjust.asCoach(id, 3, Adjust.body(
                        "{\"op\": \"changeMassage\", \"itemId\": \"massage-2\", \"type\": \"DEEP_TISSUE\"}",
                        "{\"op\": \"changeMassage\", \"itemId\": \"massage-2\", \"durationMinutes\": 90}",
                        "{\"op\": \"changeMassage\", \"itemId\": \"massage-2\", \"pressure\": \"FIRM\","
                                + " \"override\": [\"SAFE-2\"]}"))
                .then().statusCode(422).contentType("application/problem+json").extract().jsonPath();

        assertThat(problem.getList("refusals.operationIndex", Integer.class)).contains(0, 1, 2);
        assertThat(problem.getList("refusals.findAll { it.operationIndex == 0 }.ruleIds.flatten()", String.class))
                .contains("SAFE-2");
        assertThat(problem.getList("refusals.findAll { it.operationIndex == 0 }.itemId", String.class))
                .contains("massage-2");
        assertThat(problem.getList("refusals.findAll { it.operationIndex == 1 }.ruleIds.flatten()", String.class))
                .contains("MAS-2");
        assertThat(problem.getList("refusals.findAll { it.operationIndex == 2 }.ruleIds.flatten()", String.class))
                .as("the safety gate is never overridden").contains("SAFE-4");
        assertThat(problem.getList("errors.field", String.class)).contains("operations[0]", "operations[1]",
                "operations[2]");
        assertThat(Adjust.version(id)).isEqualTo(3);
        assertThat(Adjust.events(jdbi, id)).hasSize(3);
    }

    @Test
    void an_override_lets_a_rule_be_set_aside_and_the_history_records_it_with_the_reason() {
        String id = activePlan();
        String longer = "{\"op\": \"changeMassage\", \"itemId\": \"massage-2\", \"durationMinutes\": 75%s}";

        Adjust.asCoach(id, 2, Adjust.body(longer.formatted(""))).then().statusCode(422)
                .body("refusals.ruleIds.flatten()", hasItem("MAS-2"));
        Adjust.asCoach(id, 2, Adjust.body(longer.formatted(", \"override\": [\"MAS-2\"]"))).then().statusCode(200)
                .body("items.find { it.id == 'massage-2' }.durationMinutes", equalTo(75));

        Api.asCoach().get("/api/plans/" + id + "/history").then().statusCode(200)
                .body("[2].event", equalTo("PlanAdjusted"))
                .body("[2].actor", equalTo("coach"))
                .body("[2].reason", equalTo("client asked to move Saturday's session"))
                .body("[2].operations[0].op", equalTo("changeMassage"))
                .body("[2].operations[0].override", equalTo(List.of("MAS-2")))
                .body("[2].overrides.ruleId", equalTo(List.of("MAS-2")))
                .body("[2].overrides.itemId", equalTo(List.of("massage-2")))
                .body("[2].changes.itemId", hasItem("massage-2"))
                .body("[2].silent", equalTo(false));
    }

    @Test
    void items_in_the_past_cannot_change() {
        String id = activePlan();
        startedTwoWeeksAgo(id);

        JsonPath problem = Adjust.asCoach(id, 2, Adjust.body(
                        "{\"op\": \"changeMassage\", \"itemId\": \"massage-1\", \"pressure\": \"LIGHT\"}",
                        Adjust.moveItem("massage-2", LocalDate.now(LISBON).minusDays(1).atTime(10, 0))))
                .then().statusCode(422).extract().jsonPath();

        assertThat(problem.getList("refusals.findAll { it.operationIndex == 0 }.itemId", String.class))
                .containsExactly("massage-1");
        assertThat(problem.getList("refusals.ruleIds.flatten()", String.class)).contains("LIF-1");
        assertThat(problem.getList("refusals.operationIndex", Integer.class)).contains(0, 1);
        assertThat(Adjust.version(id)).isEqualTo(2);
    }

    @Test
    void bad_input_is_a_400_naming_the_operation_and_its_field() {
        String id = activePlan();

        Adjust.asCoach(id, 2, Adjust.body("{\"op\": \"moveItem\", \"itemId\": \"massage-2\", \"time\": \"11:00\"}",
                        "{\"op\": \"teleport\", \"itemId\": \"massage-2\"}"))
                .then().statusCode(400).body("errors.field", hasItem("operations[1].op"));
        Adjust.asCoach(id, 2, Adjust.body("{\"op\": \"moveItem\", \"itemId\": \"massage-2\", \"time\": \"11:00\"}"))
                .then().statusCode(400).body("errors.field", equalTo(List.of("operations[0].date")));
        Adjust.asCoach(id, 2, Adjust.body("{\"op\": \"resume\"}", "{\"op\": \"changeSchedule\", \"timeZone\": \"Mars/Base\"}"))
                .then().statusCode(400).body("errors.field", equalTo(List.of("operations[1].timeZone")));
        Adjust.asCoach(id, 2, Adjust.body("{\"op\": \"cancel\", \"when\": \"now\"}"))
                .then().statusCode(400).body("errors[0].field", equalTo("operations[0].when"));
        Adjust.asCoach(id, 2, Adjust.body("{\"op\": \"changeMassage\", \"itemId\": \"massage-2\", \"pressure\": \"HARD\"}"))
                .then().statusCode(400).body("errors[0].field", equalTo("operations[0].pressure"));
        Adjust.asCoach(id, 2, "{\"operations\": [{\"op\": \"cancel\"}]}")
                .then().statusCode(400).body("errors.field", equalTo(List.of("reason")));
        Adjust.asCoach(id, 2, "{\"reason\": \"tidy up\", \"operations\": []}")
                .then().statusCode(400).body("errors.field", equalTo(List.of("operations")));
        Adjust.asCoach(id, 2, Adjust.body("{\"op\": \"removeItem\", \"itemId\": \"no-such-item\"}"))
                .then().statusCode(422).body("refusals[0].operationIndex", equalTo(0))
                .body("refusals[0].itemId", equalTo("no-such-item"));

        assertThat(Adjust.version(id)).isEqualTo(2);
    }

    @Test
    void cancelling_changes_the_status_so_its_event_is_PlanStatusChanged_and_a_pause_with_an_end_is_an_adjustment() {
        String id = activePlan();
        LocalDateTime secondWeek = Adjust.start(id, "massage-2").minusDays(5);

        Adjust.asCoach(id, 2, Adjust.body("{\"op\": \"pause\", \"from\": \"%s\", \"until\": \"%s\"}"
                        .formatted(secondWeek.toLocalDate(), secondWeek.toLocalDate().plusDays(2))))
                .then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("items.findAll { it.held }.size()", org.hamcrest.Matchers.greaterThan(0));
        Adjust.asCoach(id, 3, Adjust.body("{\"op\": \"cancel\"}"))
                .then().statusCode(200).body("status", equalTo("CANCELLED"));

        List<PlanEvent> events = Adjust.events(jdbi, id);
        assertThat(events).extracting(PlanEvent::type).containsSubsequence(PlanEventType.PlanAdjusted,
                PlanEventType.PlanStatusChanged);
        assertThat(events.get(events.size() - 1).plan().status()).isEqualTo("CANCELLED");
        Api.asCoach().get("/api/plans/" + id + "/history").then()
                .body("event", equalTo(List.of("PlanCreated", "PlanStatusChanged", "PlanAdjusted", "PlanStatusChanged")))
                .body("status", equalTo(List.of("PENDING_CONFIRMATION", "ACTIVE", "ACTIVE", "CANCELLED")));
    }

    @Test
    void a_schedule_change_stores_the_new_zone_and_quiet_hours_and_the_event_carries_them() {
        String id = activePlan();

        Adjust.asCoach(id, 2, Adjust.body("""
                        {"op": "changeSchedule", "timeZone": "America/New_York",
                         "quietHours": {"from": "22:00", "to": "06:30"}}"""))
                .then().statusCode(200).body("timeZone", equalTo("America/New_York"));

        PlanEvent changed = Adjust.events(jdbi, id).get(2);
        assertThat(changed.plan().timeZone()).isEqualTo("America/New_York");
        assertThat(changed.plan().quietHours())
                .isEqualTo(new PlanSnapshot.QuietHours(java.time.LocalTime.of(22, 0), java.time.LocalTime.of(6, 30)));
        String stored = jdbi.withHandle(h -> h.createQuery("""
                        SELECT time_zone || ' ' || (assessment -> 'preferences' -> 'quietHours' ->> 'from')
                        FROM planner.plan WHERE id = :id""").bind("id", UUID.fromString(id)).mapTo(String.class).one());
        assertThat(stored).as("the row and the assessment the next adjustment starts from").startsWith("America/New_York 22:00");
    }

    @Test
    void an_unconfirmed_plan_cannot_be_adjusted() {
        String id = Api.enrollAsCoach(Assessments.valid());

        Adjust.asCoach(id, 1, Adjust.body("{\"op\": \"cancel\"}")).then().statusCode(409);
    }

    @Test
    void only_the_plans_coach_or_an_admin_may_adjust_it() {
        String id = activePlan();
        String body = Adjust.body(moveSecondSession(id));

        Adjust.post(given(), id, 2L, body).then().statusCode(401).contentType("application/problem+json");
        Adjust.post(given().queryParam("token", Api.link("plan", id, Duration.ofHours(1))), id, 2L, body)
                .then().statusCode(401).contentType("application/problem+json");
        Adjust.post(given().auth().preemptive().basic(Api.otherCoach(), Api.OTHER_COACH_PASSWORD), id, 2L, body)
                .then().statusCode(404).contentType("application/problem+json");
        String pool = Api.confirmedPoolPlan(Assessments.valid());
        Adjust.post(Api.asCoach(), pool, 2L, Adjust.body("{\"op\": \"cancel\"}"))
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(Adjust.version(id)).isEqualTo(2);
        assertThat(Adjust.version(pool)).isEqualTo(2);

        Adjust.post(Api.asAdmin(), id, 2L, body).then().statusCode(200).header("ETag", "\"3\"");
        Api.asCoach().post("/api/plans/" + pool + "/claim").then().statusCode(200);
        Adjust.post(Api.asCoach(), pool, 3L, Adjust.body("{\"op\": \"cancel\"}")).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void history_lists_every_version_and_an_old_one_can_be_read() {
        String id = activePlan();
        LocalDateTime was = Adjust.start(id, "massage-2");
        Adjust.asCoach(id, 2, Adjust.body(moveSecondSession(id))).then().statusCode(200);

        Api.asCoach().get("/api/plans/" + id + "?version=2").then().statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("items.find { it.id == 'massage-2' }.start", equalTo(was + ":00"));
        Api.asCoach().get("/api/plans/" + id + "?version=9").then().statusCode(404)
                .contentType("application/problem+json");
        Api.asCoach().get("/api/plans/" + id + "/history").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2, 3)))
                .body("actor", equalTo(java.util.Arrays.asList(null, "client", "coach")))
                .body("[2].changes.find { it.itemId == 'massage-2' }.before.start", equalTo(was + ":00"));
    }

    @Test
    void every_revision_keeps_the_document_of_its_version_and_a_confirmation_keeps_the_enrollments() {
        String id = activePlan();
        LocalDateTime to = Adjust.start(id, "massage-2").plusDays(1).withHour(11);
        Adjust.asCoach(id, 2, Adjust.body(Adjust.moveItem("massage-2", to))).then().statusCode(200);

        List<Map<String, Object>> revisions = jdbi.withHandle(h -> h.createQuery("""
                SELECT r.version, r.body::text AS body, r.body = p.body AS current
                FROM planner.plan_revision r JOIN planner.plan p ON p.id = r.plan_id
                WHERE r.plan_id = CAST(:id AS uuid) ORDER BY r.version""").bind("id", id).mapToMap().list());
        assertThat(revisions).extracting(r -> r.get("version")).containsExactly(1L, 2L, 3L);
        assertThat(revisions.get(1).get("body")).as("the confirmation left the plan as enrolled")
                .isEqualTo(revisions.get(0).get("body"));
        assertThat(revisions).extracting(r -> r.get("current")).containsExactly(false, false, true);
        Plan third = documents.readPlan((String) revisions.get(2).get("body"));
        assertThat(third.items()).filteredOn(i -> i.id().equals("massage-2")).extracting(PlanItem::start)
                .containsExactly(to);
        Plan second = documents.readPlan((String) revisions.get(1).get("body"));
        assertThat(second.items()).filteredOn(i -> i.id().equals("massage-2")).extracting(PlanItem::start)
                .doesNotContain(to);
    }

    @Test
    void the_client_reads_their_plans_history_by_link_without_the_clinics_notes() {
        String id = activePlan();
        Adjust.asCoach(id, 2, Adjust.body(moveSecondSession(id))).then().statusCode(200);

        given().queryParam("token", Api.link("plan", id, Duration.ofHours(1)))
                .get("/api/plans/" + id + "/history").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2, 3)))
                .body("[2].changes.itemId", hasItem("massage-2"))
                .body("reason", everyItem(nullValue()))
                .body("actor", everyItem(nullValue()))
                .body("operations", everyItem(nullValue()))
                .body("overrides", everyItem(nullValue()));
        given().queryParam("token", Api.link("plan", id, Duration.ofHours(1)))
                .get("/api/plans/" + id + "?version=2").then().statusCode(200).body("version", equalTo(2));
        given().queryParam("token", Api.link("plan", UUID.randomUUID().toString(), Duration.ofHours(1)))
                .get("/api/plans/" + id + "/history").then().statusCode(403);
        given().queryParam("token", Api.link("calendar", id, Duration.ofHours(1)))
                .get("/api/plans/" + id + "/history").then().statusCode(403);
        Api.asCoach().get("/api/plans/" + id + "/history").then()
                .body("[2].reason", equalTo("client asked to move Saturday's session"))
                .body("[1].changes", equalTo(List.of()));
    }

    /** Moves the stored plan two weeks back, as if it had started then: its first session is in the past. */
    private void startedTwoWeeksAgo(String planId) {
        Plan plan = documents.readPlan(jdbi.withHandle(h -> h.createQuery(
                "SELECT body::text FROM planner.plan WHERE id = :id").bind("id", UUID.fromString(planId))
                .mapTo(String.class).one()));
        List<PlanItem> items = plan.items().stream().map(i -> new PlanItem(i.id(), i.kind(), i.start().minusDays(14),
                i.durationMinutes(), i.title(), i.massage(), i.exercises(), i.rules(), i.held())).toList();
        Plan earlier = new Plan(plan.status(), plan.timeZone(), plan.startDate().minusDays(14),
                plan.endDate().minusDays(14), items, plan.guidance(), plan.unmetPreferences(), plan.urgency(),
                plan.holds(), plan.addedItems());
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE planner.plan SET body = CAST(:body AS jsonb), start_date = :start, end_date = :end
                        WHERE id = :id""")
                .bind("body", documents.write(earlier)).bind("start", earlier.startDate())
                .bind("end", earlier.endDate()).bind("id", UUID.fromString(planId)).execute());
    }
}
