package dev.wellplan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.wellplan.stack.LocalStack;

/**
 * A coach adjusts a plan and a client reports a red flag, on the whole local stack (PostgreSQL, Kafka, SMTP, both
 * services as processes): the preview says which reminders change, the notifier's ledger then changes exactly so,
 * the client gets one "your plan changed" e-mail with the calendar at the new version; a red flag in a check-in
 * puts the plan on hold at once and the notifier cancels every massage reminder within seconds.
 */
class CoachAdjustsSystemTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String COACH = "coach";
    private static final String COACH_PASSWORD = "coach-local";

    private static LocalStack stack;
    private static Pipeline pipeline;

    @BeforeAll
    static void up() throws Exception {
        stack = Stacks.onFreePorts("adjust").start();
        pipeline = new Pipeline(stack);
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.close();
        }
    }

    /** A reminder as the preview and the notifier both name it: kind, item and when it is due. */
    private record Due(String kind, String itemId, Instant dueAt) {
    }

    @Test
    void the_notifier_follows_a_previewed_move_exactly_and_the_client_gets_one_change_e_mail() throws Exception {
        String email = Pipeline.newEmail("adjust");
        UUID plan = pipeline.enrollAsCoach(email);
        await().atMost(WAIT).until(() -> scheduled(plan).stream().anyMatch(d -> "massage-2".equals(d.itemId())));
        Http.Reply read = Http.get(stack.plannerUrl() + "/api/plans/" + plan, COACH, COACH_PASSWORD);
        long version = read.json().get("version").asLong();
        assertThat(read.header("ETag")).isEqualTo("\"" + version + "\"");
        LocalDateTime was = start(read.json(), "massage-2");
        LocalDateTime to = was.plusHours(was.getHour() < 18 ? 1 : -1);
        String move = String.format(Locale.ROOT, "{\"reason\": \"the client asked for another hour\", "
                + "\"notifyClient\": true, \"dryRun\": %s, \"operations\": [{\"op\": \"moveItem\", \"itemId\": "
                + "\"massage-2\", \"date\": \"%s\", \"time\": \"%s\"}]}", "%s", to.toLocalDate(), to.toLocalTime());
        String adjustments = stack.plannerUrl() + "/api/plans/" + plan + "/adjustments";

        Http.Reply refused = Http.postJson(adjustments, move.formatted("true"), COACH, COACH_PASSWORD);
        assertThat(refused.status()).as("no If-Match: " + refused.body()).isEqualTo(428);
        Http.Reply preview = Http.postJson(adjustments, move.formatted("true"), COACH, COACH_PASSWORD,
                "\"" + version + "\"");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        Set<Due> willBeDue = new HashSet<>();
        Set<Due> willGo = new HashSet<>();
        JsonNode reminders = preview.json().get("reminders");
        // the item reminders; a plan-wide notice (the change e-mail itself) goes out at once, not on a schedule
        for (JsonNode r : reminders.get("added")) {
            if (r.hasNonNull("itemId")) {
                willBeDue.add(due(r, "dueAt"));
            }
        }
        for (JsonNode r : reminders.get("moved")) {
            willBeDue.add(due(r, "dueAt"));
            willGo.add(due(r, "wasDueAt"));
        }
        for (JsonNode r : reminders.get("cancelled")) {
            if (r.hasNonNull("itemId")) {
                willGo.add(due(r, r.hasNonNull("wasDueAt") ? "wasDueAt" : "dueAt"));
            }
        }
        assertThat(willBeDue).as("the preview names the moved session's reminders: " + reminders)
                .anyMatch(d -> "massage-2".equals(d.itemId()) && d.kind().equals("MASSAGE_DAY_BEFORE"));
        assertThat(scheduled(plan)).as("a preview changes nothing").containsAll(willGo).doesNotContainAnyElementsOf(
                willBeDue);

        Http.Reply applied = Http.postJson(adjustments, move.formatted("false"), COACH, COACH_PASSWORD,
                "\"" + version + "\"");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        long adjusted = applied.json().get("version").asLong();
        assertThat(adjusted).isEqualTo(version + 1);
        assertThat(start(applied.json(), "massage-2")).isEqualTo(to);
        Http.Reply stale = Http.postJson(adjustments, move.formatted("false"), COACH, COACH_PASSWORD,
                "\"" + version + "\"");
        assertThat(stale.status()).as("the same version twice: " + stale.body()).isEqualTo(412);

        await().atMost(WAIT).untilAsserted(() -> assertThat(scheduled(plan)).as("the ledger as the preview said")
                .containsAll(willBeDue).doesNotContainAnyElementsOf(willGo));

        JsonNode changed = await().atMost(WAIT).until(() -> changeMails(email), m -> !m.isEmpty()).get(0);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> changeMails(email).size() == 1);
        String calendar = calendarOf(changed.get("raw").asText());
        assertThat(calendar).contains("SEQUENCE:" + adjusted).contains("UID:");
    }

    @Test
    void a_red_flag_in_a_check_in_holds_the_plan_and_cancels_its_massage_reminders_within_seconds() throws Exception {
        String email = Pipeline.newEmail("red-flag");
        UUID plan = pipeline.enrollAsCoach(email);
        await().atMost(WAIT).until(() -> scheduled(plan).stream().anyMatch(d -> d.kind().startsWith("MASSAGE")));

        Http.Reply outsider = Http.postJson(stack.plannerUrl() + "/api/plans/" + plan + "/check-ins",
                "{\"soreness\": 2, \"pain\": 3, \"redFlags\": [\"SADDLE_NUMBNESS\"]}");
        assertThat(outsider.status()).as("no link, no sign-in: " + outsider.body()).isEqualTo(401);
        Http.Reply checkIn = Http.postJson(stack.plannerUrl() + "/api/plans/" + plan + "/check-ins",
                "{\"soreness\": 2, \"pain\": 3, \"redFlags\": [\"SADDLE_NUMBNESS\"]}", COACH, COACH_PASSWORD);
        assertThat(checkIn.status()).as(checkIn.body()).isBetween(200, 201);
        long recordedAt = System.nanoTime();
        Http.Reply read = Http.get(stack.plannerUrl() + "/api/plans/" + plan, COACH, COACH_PASSWORD);
        assertThat(read.json().get("status").asText()).isEqualTo("AWAITING_CLEARANCE");

        await().atMost(Duration.ofSeconds(15)).until(() -> scheduled(plan).stream()
                .noneMatch(d -> d.kind().startsWith("MASSAGE")));
        System.out.printf(Locale.ROOT, "red flag to no massage reminder in the notifier: %d ms%n",
                (System.nanoTime() - recordedAt) / 1_000_000);
        // "Please see a doctor before your massage sessions", or for saddle numbness "Please seek care today, ..."
        await().atMost(WAIT).until(() -> pipeline.mailTo(email).stream()
                .map(m -> m.get("subject").asText().toLowerCase(Locale.ROOT))
                .anyMatch(subject -> subject.contains("see a doctor") || subject.contains("seek care today")));
        JsonNode alerts = Http.get(stack.plannerUrl() + "/api/coach/alerts", COACH, COACH_PASSWORD).json();
        List<String> urgent = new ArrayList<>();
        for (JsonNode alert : alerts) {
            if (plan.toString().equals(alert.get("planId").asText()) && alert.get("urgent").asBoolean()) {
                urgent.add(alert.get("kind").asText());
            }
        }
        assertThat(urgent).as("an urgent alert for the coach: " + alerts).isNotEmpty();
    }

    private static Set<Due> scheduled(UUID plan) {
        Set<Due> due = new HashSet<>();
        JsonNode reminders = pipeline.reminders(plan);
        if (reminders != null) {
            for (JsonNode r : reminders) {
                if ("SCHEDULED".equals(r.get("status").asText())) {
                    due.add(due(r, "dueAt"));
                }
            }
        }
        return due;
    }

    private static Due due(JsonNode reminder, String at) {
        return new Due(reminder.get("kind").asText(), reminder.path("itemId").asText(null),
                Instant.parse(reminder.get(at).asText()));
    }

    private static LocalDateTime start(JsonNode plan, String itemId) {
        for (JsonNode item : plan.get("items")) {
            if (itemId.equals(item.get("id").asText())) {
                return LocalDateTime.parse(item.get("start").asText());
            }
        }
        throw new AssertionError("no " + itemId + " in " + plan);
    }

    private static List<JsonNode> changeMails(String email) {
        return pipeline.mailWithSourceTo(email).stream()
                .filter(m -> m.get("subject").asText().startsWith("Your plan changed")).toList();
    }

    /** The text/calendar parts of a MIME message, decoded. */
    private static String calendarOf(String raw) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
        StringBuilder calendars = new StringBuilder();
        collect(message, calendars);
        assertThat(calendars).as("a calendar in the change e-mail").isNotEmpty();
        return calendars.toString();
    }

    private static void collect(Part part, StringBuilder calendars) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, calendars);
            }
        } else if (part.isMimeType("text/calendar") || part.isMimeType("application/ics")) {
            Object content = part.getContent();
            calendars.append(content instanceof String s ? s
                    : new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
