package dev.wellplan.planner.plan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.planner.Api;
import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.RealServers;
import dev.wellplan.reminders.DesiredReminder;
import dev.wellplan.reminders.ReminderPolicy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A preview is the truth: it stores nothing, and it shows what the same adjustment then applies, down to the
 * reminders the notifier's own policy derives from the events the change really published. And two coaches
 * adjusting one version at once: exactly one wins.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class AdjustmentPreviewTest {

    @Inject
    Jdbi jdbi;

    /** The policy the notifier schedules by, configured from the same settings. */
    @Inject
    ReminderPolicy policy;

    /** Moves the second session a day on, to 11:00, with lighter pressure. */
    private static String[] moveAndLighten(String planId) {
        LocalDateTime to = Adjust.start(planId, "massage-2").plusDays(1).withHour(11);
        return new String[] {Adjust.moveItem("massage-2", to),
                "{\"op\": \"changeMassage\", \"itemId\": \"massage-2\", \"pressure\": \"LIGHT\"}"};
    }

    @Test
    void a_preview_stores_nothing_and_shows_exactly_what_then_applies() {
        String id = Api.confirmedPlanOfCoach(Assessments.valid());
        String[] operations = moveAndLighten(id);
        Instant previewed = Instant.now();

        JsonPath preview = Adjust.asCoach(id, 2, Adjust.body(true, true, operations))
                .then().statusCode(200).header("ETag", "\"2\"").extract().jsonPath();

        assertThat(Adjust.version(id)).as("nothing stored").isEqualTo(2);
        assertThat(Adjust.events(jdbi, id)).as("no event").hasSize(2);
        Api.asCoach().get("/api/plans/" + id + "/history").then().body("size()", equalTo(2));

        JsonPath applied = Adjust.asCoach(id, 2, Adjust.body(false, true, operations))
                .then().statusCode(200).extract().jsonPath();
        JsonPath history = Api.asCoach().get("/api/plans/" + id + "/history").then().extract().jsonPath();

        assertThat(preview.getMap("plan")).as("the plan as previewed is the plan as applied")
                .isEqualTo(applied.getMap(""));
        assertThat(preview.getList("changes")).isEqualTo(history.getList("[2].changes"));
        assertThat(preview.getList("changes.itemId", String.class)).contains("massage-2", "massage-2-aftercare");

        List<PlanEvent> events = Adjust.events(jdbi, id);
        Map<String, DesiredReminder> before = byKind(policy.desired(events.get(1)));
        Map<String, DesiredReminder> after = byKind(policy.desired(events.get(2)));
        List<Map<String, Object>> added = preview.getList("reminders.added");
        List<Map<String, Object>> moved = preview.getList("reminders.moved");
        List<Map<String, Object>> cancelled = preview.getList("reminders.cancelled");

        for (Map<String, Object> r : concat(added, moved)) {
            DesiredReminder real = after.get(name(r));
            assertThat(real).as("%s is asked for by the applied version", name(r)).isNotNull();
            if (r.get("itemId") != null) {
                assertThat(real.localTime()).isEqualTo(LocalDateTime.parse(String.valueOf(r.get("localTime"))));
                assertThat(real.dueAt()).isEqualTo(Instant.parse(String.valueOf(r.get("dueAt"))));
            }
        }
        for (Map<String, Object> r : cancelled) {
            assertThat(before).as("%s was asked for before", name(r)).containsKey(name(r));
            assertThat(after).as("%s is not asked for any more", name(r)).doesNotContainKey(name(r));
        }
        Set<String> shown = concat(added, moved).stream().map(AdjustmentPreviewTest::name).collect(Collectors.toSet());
        after.forEach((name, real) -> {
            DesiredReminder was = before.get(name);
            boolean changed = was == null || !was.dueAt().equals(real.dueAt());
            if (real.itemId() != null && changed && real.dueAt().isAfter(previewed)) {
                assertThat(shown).as("every reminder the change adds or moves is in the preview").contains(name);
            }
        });
        assertThat(moved).extracting(AdjustmentPreviewTest::name).contains("MASSAGE_DAY_BEFORE massage-2");
        assertThat(added).extracting(AdjustmentPreviewTest::name).contains("PLAN_CHANGED null");

        assertThat(preview.getLong("calendar.sequence")).isEqualTo(3);
        assertThat(preview.getList("calendar.events.findAll { it.change == 'CHANGED' }.itemId", String.class))
                .contains("massage-2");
        assertThat(preview.getList("changes.itemId", String.class))
                .as("a calendar event changes only where an item does")
                .containsAll(preview.getList("calendar.events.itemId", String.class));
    }

    @Test
    void a_preview_is_refused_as_its_adjustment_would_be() {
        String id = Api.confirmedPlanOfCoach(Assessments.valid());
        String tooLong = "{\"op\": \"changeMassage\", \"itemId\": \"massage-2\", \"durationMinutes\": 80}";

        Adjust.asCoach(id, 1, Adjust.body(true, true, tooLong)).then().statusCode(412)
                .body("currentVersion", equalTo(2));
        Adjust.asCoach(id, 2, Adjust.body(true, true, tooLong)).then().statusCode(422)
                .body("refusals.ruleIds.flatten()", hasItem("MAS-2"));
        Adjust.asCoach(id, 2, Adjust.body(false, true, tooLong)).then().statusCode(422)
                .body("refusals.ruleIds.flatten()", hasItem("MAS-2"));
    }

    @Test
    void a_silent_preview_adds_no_plan_changed_notice_and_cancelling_cancels_every_reminder_ahead() {
        String id = Api.confirmedPlanOfCoach(Assessments.valid());

        JsonPath preview = Adjust.asCoach(id, 2, Adjust.body(true, false, "{\"op\": \"cancel\"}"))
                .then().statusCode(200).extract().jsonPath();

        assertThat(preview.getString("plan.status")).isEqualTo("CANCELLED");
        assertThat(preview.getList("reminders.added.kind", String.class)).containsExactly("PLAN_CANCELLED");
        Set<String> ahead = policy.desired(Adjust.events(jdbi, id).get(1)).stream()
                .filter(r -> r.itemId() != null && r.dueAt().isAfter(Instant.now()))
                .map(r -> r.kind() + " " + r.itemId()).collect(Collectors.toSet());
        assertThat(preview.getList("reminders.cancelled", Map.class)).extracting(r -> name(r))
                .containsExactlyInAnyOrderElementsOf(ahead);
        assertThat(preview.getList("calendar.events.change", String.class)).isNotEmpty()
                .allMatch("CHANGED"::equals);
    }

    @Test
    void two_coaches_adjusting_the_same_version_at_once_one_wins_and_the_other_gets_412() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                String id = Api.confirmedPlanOfCoach(Assessments.valid());
                String[] operations = moveAndLighten(id);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Response> coach = threads.submit(() -> {
                    together.await();
                    return Adjust.post(Api.asCoach(), id, 2L, Adjust.body(operations[0]));
                });
                Future<Response> admin = threads.submit(() -> {
                    together.await();
                    return Adjust.post(Api.asAdmin(), id, 2L, Adjust.body(operations[1]));
                });
                List<Response> answers = List.of(coach.get(30, TimeUnit.SECONDS), admin.get(30, TimeUnit.SECONDS));

                assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 412);
                Response loser = answers.stream().filter(r -> r.statusCode() == 412).findFirst().orElseThrow();
                assertThat(loser.jsonPath().getInt("currentVersion")).isEqualTo(3);
                assertThat(Adjust.version(id)).isEqualTo(3);
                assertThat(Adjust.events(jdbi, id)).extracting(PlanEvent::type)
                        .containsExactly(PlanEventType.PlanCreated, PlanEventType.PlanStatusChanged,
                                PlanEventType.PlanAdjusted);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void two_retries_of_one_adjustment_at_once_store_it_once_and_both_get_its_answer() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            String id = Api.confirmedPlanOfCoach(Assessments.valid());
            String body = Adjust.body(moveAndLighten(id));
            String key = java.util.UUID.randomUUID().toString();
            CyclicBarrier together = new CyclicBarrier(2);
            java.util.concurrent.Callable<Response> send = () -> {
                together.await();
                return Api.asCoach().header("Idempotency-Key", key).header("If-Match", "\"2\"")
                        .contentType("application/json").body(body).post("/api/plans/" + id + "/adjustments");
            };
            Future<Response> one = threads.submit(send);
            Future<Response> two = threads.submit(send);
            List<Response> answers = List.of(one.get(30, TimeUnit.SECONDS), two.get(30, TimeUnit.SECONDS));

            assertThat(answers).extracting(Response::statusCode).containsExactly(200, 200);
            assertThat(answers.get(0).asString()).isEqualTo(answers.get(1).asString());
            assertThat(answers).extracting(r -> r.header("Idempotent-Replayed")).containsOnlyOnce("true");
            assertThat(Adjust.version(id)).isEqualTo(3);
            assertThat(Adjust.events(jdbi, id)).hasSize(3);
        } finally {
            threads.shutdownNow();
        }
    }

    /** A reminder as the tests name it: kind and item ({@code null} for a notice about the whole plan). */
    private static String name(Map<?, ?> reminder) {
        return reminder.get("kind") + " " + reminder.get("itemId");
    }

    private static Map<String, DesiredReminder> byKind(List<DesiredReminder> reminders) {
        return reminders.stream().collect(Collectors.toMap(r -> r.kind() + " " + r.itemId(), Function.identity(),
                (a, b) -> b));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
