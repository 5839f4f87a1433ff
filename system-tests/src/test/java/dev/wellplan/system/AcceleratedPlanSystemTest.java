package dev.wellplan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.wellplan.stack.LocalStack;

/**
 * A whole four-week plan played out on the accelerated clock (8 hours a second): every reminder
 * arrives once, in due order, at its local time in the client's zone, never in quiet hours.
 */
class AcceleratedPlanSystemTest {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final int SPEED = 8 * 3600;
    private static LocalStack stack;
    private static NotifierApi notifier;
    private static LocalDate startDate;

    @BeforeAll
    static void up() throws Exception {
        startDate = LocalDate.now(LISBON).plusDays(1);
        while (startDate.getDayOfWeek() != DayOfWeek.MONDAY) {
            startDate = startDate.plusDays(1);
        }
        // Fast time begins at the origin, showing the Sunday noon before the plan starts; until then it
        // stands still, so the services can start at their own pace.
        Instant origin = Instant.now().plus(Duration.ofSeconds(Long.getLong("accelerated.originDelay", 100)));
        Instant sundayNoon = startDate.minusDays(1).atTime(12, 0).atZone(LISBON).toInstant();
        stack = Stacks.onFreePorts("accelerated")
                .clockSpeed(String.valueOf(SPEED))
                .serviceEnv("WELLPLAN_CLOCK_ORIGIN", origin.toString())
                .serviceEnv("WELLPLAN_CLOCK_START", sundayNoon.toString())
                // one second of lateness is eight hours here: keep late reminders rather than skip them
                .serviceEnv("WELLPLAN_DISPATCH_GRACE", "P3D")
                .start();
        notifier = new NotifierApi(stack);
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void a_whole_plan_arrives_in_order_at_local_times_each_once() {
        String email = "client-" + UUID.randomUUID() + "@example.com";
        Http.Reply created = Http.postJson(stack.plannerUrl() + "/api/enrollments", assessment(email));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String planId = created.json().get("id").asText();
        new Pipeline(stack).confirm(UUID.fromString(planId));

        // Four weeks at eight hours a second: about a minute and a half once the clock starts.
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(2))
                .until(() -> reminders(planId), AcceleratedPlanSystemTest::allDone);

        List<JsonNode> reminders = reminders(planId);
        List<JsonNode> sent = reminders.stream().filter(r -> "SENT".equals(r.get("status").asText())).toList();
        assertThat(reminders).as("none skipped or failed")
                .allMatch(r -> List.of("SENT", "CANCELLED").contains(r.get("status").asText()));
        assertThat(sent.stream().map(r -> r.get("kind").asText()).distinct().toList())
                .contains("WELCOME", "MASSAGE_DAY_BEFORE", "AFTERCARE", "CHECK_IN", "STRENGTH_DAY", "SELF_MASSAGE",
                        "END_OF_PLAN");

        for (JsonNode r : sent) {
            LocalDateTime local = LocalDateTime.parse(r.get("localTime").asText());
            Instant due = Instant.parse(r.get("dueAt").asText());
            assertThat(LocalDateTime.ofInstant(due, LISBON)).as("local time of %s", r.get("id")).isEqualTo(local);
            assertThat(local.toLocalTime()).as("outside quiet hours: %s", r.get("id"))
                    .isBetween(LocalTime.of(7, 0), LocalTime.of(20, 59, 59));
            switch (r.get("kind").asText()) {
                case "STRENGTH_DAY" -> assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(7, 30));
                case "MASSAGE_DAY_BEFORE" -> assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(10, 0));
                default -> { }
            }
        }
        List<JsonNode> bySending = new ArrayList<>(sent);
        bySending.sort(Comparator.comparing((JsonNode r) -> Instant.parse(r.get("sentAt").asText()))
                .thenComparing(r -> Instant.parse(r.get("dueAt").asText())));
        assertThat(bySending).extracting(r -> Instant.parse(r.get("dueAt").asText())).isSorted();

        List<JsonNode> inbox = new Pipeline(stack).mailTo(email);
        assertThat(inbox).as("one mail per sent reminder").hasSize(sent.size());
        assertThat(inbox).extracting(m -> m.get("messageId").asText()).doesNotHaveDuplicates();
    }

    private static boolean allDone(List<JsonNode> reminders) {
        return !reminders.isEmpty() && reminders.stream()
                .noneMatch(r -> List.of("SCHEDULED", "SENDING").contains(r.get("status").asText()));
    }

    private static List<JsonNode> reminders(String planId) {
        Http.Reply reply = notifier.reminders(planId);
        List<JsonNode> out = new ArrayList<>();
        if (reply.status() == 200) {
            reply.json().forEach(out::add);
        }
        return out;
    }

    private static String assessment(String email) {
        return """
                {
                  "client": {"name": "Ana Souza", "email": "%s", "timeZone": "Europe/Lisbon"},
                  "startDate": "%s",
                  "pain": {"area": "LOWER_BACK", "intensity": 6, "weeks": 16, "pattern": "NON_SPECIFIC", "drivers": ["STRESS"]},
                  "redFlags": [],
                  "preferences": {"massageDays": ["TUESDAY", "SATURDAY"], "highStressDays": ["MONDAY"],
                                  "massageTime": "10:00", "exerciseTime": "07:30", "exerciseDaysPerWeek": 3,
                                  "pressure": "MEDIUM", "quietHours": {"from": "21:00", "to": "07:00"}},
                  "equipment": ["FOAM_ROLLER", "LACROSSE_BALL"]
                }""".formatted(email, startDate);
    }
}
