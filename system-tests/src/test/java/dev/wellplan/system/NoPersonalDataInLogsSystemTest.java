package dev.wellplan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import dev.wellplan.ops.OpsCommand;
import dev.wellplan.stack.LocalStack;

/**
 * Invariant 7's "never in logs", on the real local stack: clients with names and addresses found nowhere else
 * enroll, one with a red flag that a coach (added with {@code ./wellplan coach add}) claims and clears with a note,
 * one who unsubscribes in one click, one whose assessment is refused, and a failed sign-in with the coach's address.
 * Once the pipeline has settled and the stack has stopped, no log of the stack (the services', Kafka's,
 * PostgreSQL's) may hold any of those names or addresses, the clearance note or the coach's password.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoPersonalDataInLogsSystemTest {

    private static final String TAG = UUID.randomUUID().toString().substring(0, 8);
    private static final Person CLEARED = new Person("Zephyrine Quillfeather", "zephyrine.quillfeather-" + TAG
            + "@example.org");
    private static final Person UNSUBSCRIBED = new Person("Bartholomew Vantongeren", "b.vantongeren-" + TAG
            + "@example.net");
    private static final Person REFUSED = new Person("Ottoline Thistlewood", "ottoline.thistlewood-" + TAG
            + "@example.com");
    private static final Person COACH = new Person("Marguerite Okonkwo-Lindqvist", "m.okonkwo-lindqvist-" + TAG
            + "@clinic.example");
    private static final String CLEARANCE_NOTE = "cleared after Dr Quenby Marchbank's letter";
    private static final Pattern PRINTED_PASSWORD = Pattern.compile("(?m)^  (\\S+)$");
    private static final Pattern UNSUBSCRIBE_TOKEN = Pattern.compile(
            "List-Unsubscribe: <[^>]*/unsubscribe\\?token=([^>\\s]+)>");
    private static final Duration WAIT = Duration.ofSeconds(90);

    private record Person(String name, String email) {
        String surname() {
            return name.substring(name.lastIndexOf(' ') + 1);
        }
    }

    private static LocalStack stack;
    private static Pipeline pipeline;
    private static String coachPassword;
    private static UUID cleared;

    @BeforeAll
    static void up() throws Exception {
        stack = Stacks.onFreePorts("logs").start();
        pipeline = new Pipeline(stack);
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void coach_add_makes_a_coach_who_signs_in_with_the_password_it_printed_once() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = OpsCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), "coach", "add",
                "--planner-url", stack.plannerUrl(), "--email", COACH.email(), "--name", COACH.name());

        assertThat(exit).as(err.toString()).isZero();
        Matcher printed = PRINTED_PASSWORD.matcher(out.toString());
        assertThat(printed.find()).as(out.toString()).isTrue();
        coachPassword = printed.group(1);
        assertThat(out.toString()).containsOnlyOnce(coachPassword);
        assertThat(Http.get(stack.plannerUrl() + "/api/coach/plans", COACH.email(), coachPassword).status())
                .isEqualTo(200);

        StringWriter again = new StringWriter();
        assertThat(OpsCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(again, true),
                "coach", "add", "--planner-url", stack.plannerUrl(), "--email", COACH.email(), "--name", COACH.name()))
                .isEqualTo(1);
        assertThat(again.toString()).contains("an account with this e-mail address exists");
    }

    @Test
    @Order(2)
    void clients_enroll_are_cleared_and_unsubscribe_and_the_pipeline_settles() throws Exception {
        String planner = stack.plannerUrl();
        // a self-enrollment with a red flag: the pool; the new coach claims it and records clearance with a note
        cleared = enrolled(Http.postJson(planner + "/api/enrollments",
                Pipeline.assessmentOf(CLEARED.name(), CLEARED.email(), "TINGLING")));
        assertThat(Http.post(planner + "/api/plans/" + cleared + "/claim", COACH.email(), coachPassword).status())
                .isEqualTo(200);
        await().atMost(WAIT).until(() -> pipeline.mailTo(CLEARED.email()), mails -> !mails.isEmpty());
        Http.Reply clearance = Http.postJson(planner + "/api/plans/" + cleared + "/clearance",
                "{\"note\": \"" + CLEARANCE_NOTE + "\"}", COACH.email(), coachPassword);
        assertThat(clearance.status()).as(clearance.body()).isEqualTo(200);
        await().atMost(WAIT).until(() -> pipeline.reminderStatus(cleared, "MASSAGE_DAY_BEFORE"), "SCHEDULED"::equals);

        // a client who gets the welcome and unsubscribes in one click, as a mail provider would
        UUID unsubscribed = enrolled(Http.postJson(planner + "/api/enrollments",
                Pipeline.assessmentOf(UNSUBSCRIBED.name(), UNSUBSCRIBED.email())));
        JsonNode welcome = await().atMost(WAIT).until(() -> pipeline.mailWithSourceTo(UNSUBSCRIBED.email()).stream()
                .filter(mail -> mail.get("subject").asText().contains("four-week")).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        Matcher token = UNSUBSCRIBE_TOKEN.matcher(welcome.get("raw").asText());
        assertThat(token.find()).isTrue();
        assertThat(Http.postForm(stack.notifierUrl() + "/unsubscribe?token=" + token.group(1),
                "List-Unsubscribe=One-Click").status()).isEqualTo(200);
        assertThat(pipeline.count("SELECT count(*) FROM notifier.email_preference p JOIN planner.plan c "
                + "ON c.client_id = p.client_id WHERE c.id = ? AND p.all_off", unsubscribed)).isEqualTo(1);

        // assessments the planner refuses (a zone that does not exist, JSON cut short), records the notifier cannot
        // read (plain text, an event of no known shape), and a failed sign-in with the coach's address
        String refusedAssessment = Pipeline.assessmentOf(REFUSED.name(), REFUSED.email());
        for (String body : List.of(refusedAssessment.replace("Europe/Lisbon", "Mars/Olympus_Mons"),
                refusedAssessment.substring(0, refusedAssessment.indexOf("\"startDate\"")))) {
            Http.Reply refused = Http.postJson(planner + "/api/enrollments", body);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        }
        try (KafkaProducer<String, String> producer = pipeline.producer()) {
            Pipeline.send(producer, null, REFUSED.email(), REFUSED.name() + " <" + REFUSED.email() + "> wants a plan",
                    null, null);
            Pipeline.send(producer, null, null, "{\"type\": \"PlanCreated\", \"client\": {\"name\": \""
                    + REFUSED.name() + "\", \"email\": \"" + REFUSED.email() + "\", \"timeZone\": \"" + REFUSED.surname()
                    + "\"}}", null, "PlanCreated");
        }
        await().atMost(WAIT).until(() -> pipeline.readAll(Pipeline.DLQ).stream()
                .filter(r -> r.value().contains(REFUSED.email())).count(), n -> n == 2);
        assertThat(Http.get(planner + "/api/coach/plans", COACH.email(), "not the password").status())
                .isEqualTo(401);

        StringWriter report = new StringWriter();
        assertThat(OpsCommand.execute(new PrintWriter(report, true), new PrintWriter(report, true), "check",
                "--jdbc-url", stack.jdbcUrl(), "--wait", "60")).as(report.toString()).isZero();
    }

    @Test
    @Order(3)
    void no_log_of_the_stack_names_a_client_or_the_coach_or_holds_the_note_or_the_password() throws IOException {
        stack.close(); // what the services and servers log while stopping counts too
        List<Path> logs = logs();
        assertThat(logs).as("the services', Kafka's and PostgreSQL's logs").hasSizeGreaterThanOrEqualTo(4)
                .anyMatch(p -> p.endsWith("planner.log")).anyMatch(p -> p.endsWith("notifier.log"))
                .contains(stack.kafka().logFile(), stack.postgres().logFile());
        assertThat(stack.dataDir().resolve("logs/planner.log")).as("the logs follow the clients by id")
                .content().contains("plan " + cleared + " created", "plan " + cleared + " v4: AWAITING_CLEARANCE -> "
                        + "ACTIVE", "added with role coach");
        assertThat(stack.dataDir().resolve("logs/notifier.log")).content()
                .contains("plan " + cleared + " v4 applied").contains("unsubscribed from all e-mail")
                .contains("plan event rejected to the dead-letter topic");

        List<String> secrets = new ArrayList<>(List.of("Marchbank", coachPassword));
        for (Person person : List.of(CLEARED, UNSUBSCRIBED, REFUSED, COACH)) {
            secrets.addAll(List.of(person.name(), person.surname(), person.email()));
        }
        List<String> found = new ArrayList<>();
        for (Path log : logs) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).toLowerCase(Locale.ROOT);
                for (String secret : secrets) {
                    if (line.contains(secret.toLowerCase(Locale.ROOT))) {
                        found.add(stack.dataDir().relativize(log) + ":" + (i + 1) + " holds '" + secret + "': "
                                + lines.get(i));
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** Every log file under the stack's directory; the servers' data (Kafka's segments, the cluster) is no log. */
    private static List<Path> logs() throws IOException {
        Path data = stack.dataDir();
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(data.resolve("kafka/data")) && !p.startsWith(data.resolve("postgres/data")))
                    .filter(p -> p.getFileName().toString().endsWith(".log"))
                    .toList();
        }
    }

    /** The plan of an enrollment, confirmed by its client as the link of the confirmation e-mail lets them. */
    private static UUID enrolled(Http.Reply created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return pipeline.confirm(UUID.fromString(created.json().get("id").asText()));
    }
}
