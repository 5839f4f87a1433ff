package dev.wellplan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.wellplan.stack.LocalStack;
import dev.wellplan.stack.ServiceProcess;

/**
 * The whole system as {@code ./wellplan up} starts it: real PostgreSQL, Kafka, SMTP and both
 * services as separate processes. One enrollment travels from the planner's API to an inbox.
 */
class WalkingSkeletonSystemTest {

    /** The confirmation link of the e-mail: the planner's base URL, and the token. */
    private static final Pattern CONFIRM_LINK =
            Pattern.compile("(http://[^/\\s\"]+)/confirm\\?token=([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

    private static LocalStack stack;
    private static NotifierApi notifier;

    @BeforeAll
    static void up() throws Exception {
        stack = Stacks.onFreePorts("system").start();
        notifier = new NotifierApi(stack);
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void an_enrollment_sends_one_request_to_confirm_and_after_the_click_the_welcome_and_the_reminders() {
        String email = "client-" + UUID.randomUUID() + "@example.com";

        Http.Reply created = Http.postJson(stack.plannerUrl() + "/api/enrollments", assessment(email));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("PENDING_CONFIRMATION");
        String planId = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/plans/" + planId);

        JsonNode request = await().atMost(Duration.ofSeconds(60)).until(() -> mailTo(email), m -> !m.isEmpty()).get(0);
        assertThat(request.get("subject").asText()).isEqualTo("Please confirm your back-care plan");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> mailTo(email).size() == 1);
        assertThat(statusOf(planId, "STRENGTH_DAY")).as("no reminder before the client confirms").isNull();

        // the client follows the link: a page with one button (a GET changes nothing), then its POST
        // the raw message, its quoted-printable soft line breaks and escaped '=' undone
        Matcher link = CONFIRM_LINK.matcher(request.get("raw").asText().replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).as("the confirmation link in the e-mail").isTrue();
        assertThat(link.group(1)).isEqualTo(stack.plannerUrl());
        Http.Reply page = Http.get(link.group());
        assertThat(page.body()).contains("Yes, start my plan");
        assertThat(Http.postForm(stack.plannerUrl() + "/confirm", "token=" + link.group(2)).status())
                .as("the button's POST without the page's CSRF token").isEqualTo(400);
        assertThat(Http.submit(page, stack.plannerUrl() + "/confirm").status()).isEqualTo(200);

        JsonNode welcome = await().atMost(Duration.ofSeconds(60)).until(() -> mailTo(email), m -> m.size() == 2).get(1);
        assertThat(welcome.get("subject").asText()).contains("four-week");
        assertThat(welcome.get("raw").asText()).contains("Message-ID:").contains("text/plain").contains("text/html");
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(planId, "WELCOME"), "SENT"::equals);
        assertThat(Http.get(stack.notifierUrl() + "/api/plans/" + planId + "/reminders").status())
                .as("no one reads a plan's reminders without signing in").isEqualTo(401);
        JsonNode reminders = notifier.reminders(planId).json();
        assertThat(reminders.findValuesAsText("kind")).contains("WELCOME", "MASSAGE_DAY_BEFORE", "STRENGTH_DAY");
        assertThat(mailTo(email)).as("the request to confirm and the welcome, each once").hasSize(2);
    }

    @Test
    void SAFE_3_a_red_flag_plan_waits_for_clearance_then_gets_its_massage_reminders() {
        String email = "client-" + UUID.randomUUID() + "@example.com";
        Http.Reply created = Http.postJson(stack.plannerUrl() + "/api/enrollments",
                assessment(email).replace("\"redFlags\": []", "\"redFlags\": [\"TINGLING\"]"), "coach", "coach-local");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String planId = created.json().get("id").asText();
        new Pipeline(stack).confirm(UUID.fromString(planId));

        await().atMost(Duration.ofSeconds(60)).until(() -> statusOf(planId, "AWAITING_CLEARANCE"), "SENT"::equals);
        assertThat(statusOf(planId, "MASSAGE_DAY_BEFORE")).as("no massage reminder before clearance").isNull();

        Http.Reply cleared = Http.postJson(stack.plannerUrl() + "/api/plans/" + planId + "/clearance",
                "{\"note\": \"cleared by GP\"}", "coach", "coach-local");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().get("status").asText()).isEqualTo("ACTIVE");

        await().atMost(Duration.ofSeconds(60)).until(() -> statusOf(planId, "MASSAGE_DAY_BEFORE"), "SCHEDULED"::equals);
    }

    @Test
    void both_services_report_ready_and_publish_their_openapi_on_the_management_port_only() {
        for (ServiceProcess service : List.of(stack.planner(), stack.notifier())) {
            assertThat(Http.get(service.healthUrl()).status()).isEqualTo(200);
            assertThat(Http.get(service.managementUrl() + "/q/openapi").body()).contains("/api/plans/");
            assertThat(Http.get(service.managementUrl() + "/q/metrics").body()).contains("jvm_memory_used_bytes");
            for (String route : List.of("/q/health/ready", "/q/openapi", "/q/metrics")) {
                assertThat(Http.get(service.url() + route).status()).as("%s %s", service.name(), route)
                        .isEqualTo(404);
            }
        }
    }

    private static String statusOf(String planId, String kind) {
        Http.Reply reply = notifier.reminders(planId);
        if (reply.status() != 200) {
            return null;
        }
        for (JsonNode r : reply.json()) {
            if (kind.equals(r.get("kind").asText())) {
                return r.get("status").asText();
            }
        }
        return null;
    }

    /** The client's inbox, each message with its MIME source. */
    private static List<JsonNode> mailTo(String email) {
        return new Pipeline(stack).mailWithSourceTo(email);
    }

    private static String assessment(String email) {
        LocalDate start = LocalDate.now(ZoneId.of("Europe/Lisbon")).plusDays(1);
        while (start.getDayOfWeek() != DayOfWeek.MONDAY) {
            start = start.plusDays(1);
        }
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
                }""".formatted(email, start);
    }
}
