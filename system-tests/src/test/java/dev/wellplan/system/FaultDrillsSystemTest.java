package dev.wellplan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.wellplan.stack.LocalStack;
import dev.wellplan.stack.ServiceProcess;

/**
 * Fault drills (issue 4): the real local stack — PostgreSQL, a Kafka broker, GreenMail, the planner and the notifier
 * as separate processes — with real processes SIGKILLed ({@code kill -9}) at the worst moments. Every drill ends
 * with the operator's consistency check ({@link dev.wellplan.ops.check.ConsistencyCheck}, expected: no divergence)
 * and with the clients' inboxes, read through the mail server's API. docs/operations.md says what each one proves.
 *
 * <p>The drills share one stack and run in order; each uses its own clients. Afterwards only the stack's logs stay
 * ({@code /tmp/wellplan-drills-<n>/logs}). They run with a shorter Kafka consumer
 * session (10 s, so a killed notifier's partitions move on quickly), stale dispatcher claims released after 30 s
 * (so the killed notifier's in-flight e-mails go out within the drill) and dispatch batches of 25 (so no live
 * claim gets near 30 s). System property {@code wellplan.drill.broker-down} (default 60 s) sets how long drill 2 keeps
 * the broker down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillsSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY = Duration.ofMinutes(3);
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final Duration BROKER_DOWN = Duration.ofSeconds(
            Long.getLong("wellplan.drill.broker-down", 60));
    /** Drill 8's burst: the item reminders (ReminderPolicy), sent only while the plan is ACTIVE. */
    private static final String ITEM_REMINDERS = "kind IN ('MASSAGE_DAY_BEFORE', 'AFTERCARE', 'CHECK_IN', "
            + "'STRENGTH_DAY', 'SELF_MASSAGE', 'END_OF_PLAN')";

    private static final List<String> RESULTS = new ArrayList<>();
    private static Path notifierJar;
    private static LocalStack stack;
    private static Pipeline pipeline;
    private long startedAt;

    @BeforeAll
    static void up() throws Exception {
        notifierJar = Stacks.NOTIFIER_JAR;
        long t0 = System.nanoTime();
        stack = Stacks.onFreePorts("drills")
                .serviceEnv("KAFKA_SESSION_TIMEOUT_MS", "10000")
                .serviceEnv("KAFKA_HEARTBEAT_INTERVAL_MS", "1000")
                .serviceEnv("WELLPLAN_DISPATCH_STALE_CLAIM", "PT30S")
                .serviceEnv("WELLPLAN_DISPATCH_BATCH_SIZE", "25")
                .readyTimeout(READY)
                .start();
        pipeline = new Pipeline(stack);
        RESULTS.add(String.format(Locale.ROOT, "stack up in %.1f s", (System.nanoTime() - t0) / 1e9));
    }

    @AfterAll
    static void down() {
        System.out.println("\n==== fault drills ====");
        RESULTS.forEach(System.out::println);
        if (stack != null) {
            stack.close();
            // the logs stay for a look afterwards; the databases and Kafka's log dirs (~80 MB) go
            deleteQuietly(stack.dataDir().resolve("postgres").resolve("data"));
            deleteQuietly(stack.dataDir().resolve("kafka").resolve("data"));
            System.out.println("logs: " + stack.dataDir().resolve("logs"));
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | RuntimeException e) {
            // best effort
        }
    }

    /** Whatever the previous drill did (or failed to undo), every drill starts with all processes up. */
    @BeforeEach
    void everythingRunning() {
        if (!stack.kafka().isRunning()) {
            stack.kafka().start().waitUntilReady(READY);
        }
        List<ServiceProcess> down = new ArrayList<>();
        for (ServiceProcess service : List.of(stack.planner(), stack.notifier())) {
            if (!service.isRunning()) {
                down.add(service.start());
            }
        }
        ServiceProcess.awaitReady(down, READY);
        startedAt = System.nanoTime();
    }

    private void result(TestInfo test, String detail) {
        String line = String.format(Locale.ROOT, "%-62s PASS in %5.1f s  %s",
                test.getTestMethod().map(java.lang.reflect.Method::getName).orElse(test.getDisplayName()),
                (System.nanoTime() - startedAt) / 1e9, detail);
        RESULTS.add(line);
        System.out.println("DRILL " + line);
    }

    // ---------------------------------------------------------------- 1

    /**
     * Invariant 1: the planner SIGKILLed after it committed an enrollment and before its relay could publish the
     * event. The broker is down (so the relay's attempt cannot be acknowledged and the window stays open) when the
     * enrollment commits; the planner is killed with its relay in the middle of that attempt; the broker comes back,
     * then the planner. The outbox row survives the crash and is published after the restart, and the notifier
     * applies it once.
     */
    @Test
    @Order(1)
    void drill_1_planner_killed_after_commit_before_publish(TestInfo test) throws Exception {
        String email = Pipeline.newEmail("drill1");
        stack.kafka().kill();

        UUID plan = pipeline.enroll(email);
        List<List<Object>> outbox = pipeline.outboxOf(plan);
        assertThat(outbox).as("the enrollment and its confirmation committed their outbox rows").hasSize(2);
        UUID eventId = (UUID) outbox.get(0).get(0);
        stack.planner().kill();

        assertThat(pipeline.outboxOf(plan).get(0).get(3)).as("not published before the crash").isNull();
        assertThat(pipeline.processed(List.of(plan))).isZero();

        stack.kafka().start().waitUntilReady(READY);
        stack.planner().start().waitUntilReady(READY);

        await().atMost(SETTLE).until(() -> pipeline.outboxOf(plan).get(0).get(3) != null);
        await().atMost(SETTLE).until(() -> pipeline.welcomesSent(List.of(plan)) == 1);
        assertThat(pipeline.appliedAt(List.of(plan), Pipeline.CONFIRMED)).isEqualTo(1);
        assertThat(pipeline.count("SELECT count(*) FROM notifier.processed_event WHERE event_id = ? "
                + "AND outcome = 'APPLIED'", eventId)).as("applied once").isEqualTo(1);
        long onTopic = pipeline.readAll(Pipeline.TOPIC).stream()
                .filter(r -> eventId.toString().equals(Pipeline.header(r, Pipeline.EVENT_ID))).count();
        assertThat(onTopic).as("the event reached Kafka").isGreaterThanOrEqualTo(1);

        pipeline.assertConsistent(SETTLE);
        pipeline.assertDeliveredOnce(Map.of(email, plan), List.of(), 0);
        result(test, "event published after the restart (" + onTopic + "x on the topic), applied once, 1 welcome");
    }

    // ---------------------------------------------------------------- 2

    /**
     * Invariant 1: the broker SIGKILLed and kept down for a minute while 200 clients enroll. The planner answers
     * every one 201 (enrolling never touches Kafka); the events wait in the outbox and all reach the notifier once
     * the broker is back: every plan applied at version 1, every welcome delivered once.
     */
    @Test
    @Order(2)
    void drill_2_broker_down_for_a_minute_during_200_enrollments(TestInfo test) throws Exception {
        List<String> emails = IntStream.range(0, 200).mapToObj(i -> Pipeline.newEmail("drill2")).toList();
        long down = System.nanoTime();
        stack.kafka().kill();

        long t0 = System.nanoTime();
        Map<String, UUID> plans = pipeline.enrollAll(emails, 8);
        double enrolling = (System.nanoTime() - t0) / 1e9;
        assertThat(plans).hasSize(200);
        String readiness = probe(stack.planner().healthUrl()); // reported, not asserted
        assertThat(pipeline.count("SELECT count(*) FROM planner.outbox WHERE aggregate_id = ANY (?) "
                + "AND published_at IS NULL", plans.values())).as("all 200 enrollments and confirmations wait in the outbox")
                .isEqualTo(400);

        long left = BROKER_DOWN.toNanos() - (System.nanoTime() - down);
        if (left > 0) {
            Thread.sleep(left / 1_000_000); // the one deliberate wait: the broker stays down for the stated time
        }
        assertThat(pipeline.count("SELECT count(*) FROM planner.outbox WHERE aggregate_id = ANY (?) "
                + "AND published_at IS NULL", plans.values())).as("nothing was published while it was down")
                .isEqualTo(400);
        double downFor = (System.nanoTime() - down) / 1e9;

        long back = System.nanoTime();
        stack.kafka().start().waitUntilReady(READY);
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                .until(() -> pipeline.appliedAt(plans.values(), Pipeline.CONFIRMED) == 200);
        double applied = (System.nanoTime() - back) / 1e9;
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                .until(() -> pipeline.welcomesSent(plans.values()) == 200);

        pipeline.assertConsistent(SETTLE);
        pipeline.assertDeliveredOnce(plans, List.of(), 0);
        result(test, String.format(Locale.ROOT, "200 x 201 in %.1f s with the broker down %.0f s (planner "
                + "readiness meanwhile: %s); all applied %.1f s after it came back; 200 welcomes, 1 each", enrolling,
                downFor, readiness, applied));
    }

    /** The status a GET gets, and how long it took, or that it got none in 30 s (without failing the drill). */
    private static String probe(String url) {
        long t0 = System.nanoTime();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            return String.format(Locale.ROOT, "%d after %.1f s", response.statusCode(), (System.nanoTime() - t0) / 1e9);
        } catch (java.io.IOException e) {
            return "no answer in " + Math.round((System.nanoTime() - t0) / 1e9) + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    // ---------------------------------------------------------------- 3

    /**
     * Invariant 2 and 4: the notifier SIGKILLed in the middle of a burst, after it applied some events but before
     * it committed their offsets. After the restart Kafka redelivers them; the processed-event log and the version
     * check make the redelivery a no-op: no reminder twice, no e-mail twice.
     */
    @Test
    @Order(3)
    void drill_3_notifier_killed_mid_batch(TestInfo test) throws Exception {
        int n = 120;
        List<String> emails = IntStream.range(0, n).mapToObj(i -> Pipeline.newEmail("drill3")).toList();
        UUID reference = pipeline.enroll(Pipeline.newEmail("drill3-reference"));
        await().atMost(SETTLE).until(() -> pipeline.appliedAt(List.of(reference), Pipeline.CONFIRMED) == 1);
        long expectedReminders = pipeline.remindersPerPlan(List.of(reference)).get(reference);

        // the burst, enrolled from another thread; the kill lands once a third of it is applied
        var burst = java.util.concurrent.Executors.newSingleThreadExecutor();
        var enrolled = burst.submit(() -> pipeline.enrollAll(emails, 6));
        Set<UUID> burstPlans = new HashSet<>();
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(50)).until(() -> {
            burstPlans.addAll(pipeline.rows("SELECT p.id FROM planner.plan p JOIN planner.client c "
                    + "ON c.id = p.client_id WHERE c.email LIKE 'drill3-%' AND c.email NOT LIKE 'drill3-reference%'")
                    .stream().map(r -> (UUID) r.get(0)).toList());
            return pipeline.processed(burstPlans) >= n / 3;
        });
        stack.notifier().kill();
        List<String> inFlight = pipeline.sendingNow();
        long appliedAtKill = pipeline.processed(burstPlans);
        Map<String, UUID> plans = enrolled.get(3, TimeUnit.MINUTES);
        burst.shutdown();

        // which applied events the group had not committed: those are redelivered after the restart
        Map<TopicPartition, Long> committed = pipeline.committed();
        Set<UUID> appliedEvents = new HashSet<>();
        pipeline.rows("SELECT event_id FROM notifier.processed_event WHERE plan_id = ANY (?)", plans.values())
                .forEach(r -> appliedEvents.add((UUID) r.get(0)));
        long redelivered = pipeline.readAll(Pipeline.TOPIC).stream()
                .filter(r -> r.offset() >= committed.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L))
                .filter(r -> appliedEvents.contains(UUID.fromString(Pipeline.header(r, Pipeline.EVENT_ID))))
                .count();
        assertThat(redelivered).as("the kill landed after some events were applied and before their offsets "
                + "were committed").isPositive();

        stack.notifier().start().waitUntilReady(READY);
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                .until(() -> pipeline.appliedAt(plans.values(), Pipeline.CONFIRMED) == n);
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                .until(() -> pipeline.welcomesSent(plans.values()) == n);
        await().atMost(SETTLE).until(pipeline::caughtUp);

        assertThat(pipeline.remindersPerPlan(plans.values()).values()).as("reminders per plan")
                .hasSize(n).allMatch(c -> c == expectedReminders);
        assertThat(pipeline.count("SELECT count(*) FROM notifier.processed_event WHERE plan_id = ANY (?)",
                plans.values())).as("each event of each plan processed once (enrolled, confirmed): redeliveries were "
                + "skipped").isEqualTo(n * Pipeline.CONFIRMED);
        pipeline.assertConsistent(SETTLE);
        int duplicates = pipeline.assertDeliveredOnce(plans, inFlight, 1);
        result(test, String.format(Locale.ROOT, "killed with %d/%d plans applied, %d applied events redelivered; "
                + "%d reminders per plan, %d welcomes, %d in flight at the kill, %d crash-window duplicate(s)",
                appliedAtKill, n, redelivered, expectedReminders, n, inFlight.size(), duplicates));
    }

    // ---------------------------------------------------------------- 4

    /**
     * Invariant 2: every event of a plan replayed twice, newest first — once exactly as published (same event ids)
     * and once under fresh event ids, as a second producer or a DLQ replay with new ids would — changes nothing:
     * the schedule the notifier shows before and after is the same, and no e-mail goes out.
     */
    @Test
    @Order(4)
    void drill_4_every_event_of_a_plan_replayed_twice_in_reverse_order(TestInfo test) throws Exception {
        String email = Pipeline.newEmail("drill4");
        UUID plan = pipeline.enrollAsCoach(email, "TINGLING");
        await().atMost(SETTLE).until(() -> pipeline.reminderStatus(plan, "AWAITING_CLEARANCE"), "SENT"::equals);
        Http.Reply cleared = Http.postJson(stack.plannerUrl() + "/api/plans/" + plan + "/clearance",
                "{\"note\": \"cleared by GP\"}", "coach", "coach-local");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        await().atMost(SETTLE).until(() -> pipeline.appliedAt(List.of(plan), Pipeline.CONFIRMED + 1) == 1);
        await().atMost(SETTLE).until(() -> pipeline.quiet(Duration.ofMinutes(5)));
        JsonNode before = pipeline.reminders(plan);
        int mailsBefore = pipeline.mailTo(email).size();
        List<List<Object>> events = new ArrayList<>(pipeline.outboxOf(plan));
        assertThat(events).as("enrolled, confirmed, cleared").hasSize(3);
        java.util.Collections.reverse(events);

        List<UUID> freshIds = new ArrayList<>();
        RecordMetadata last = null;
        try (KafkaProducer<String, String> producer = pipeline.producer()) {
            for (List<Object> e : events) { // as published: same event ids
                last = Pipeline.send(producer, null, plan.toString(), (String) e.get(2), e.get(0).toString(),
                        (String) e.get(1));
            }
            for (List<Object> e : events) { // under fresh event ids: only the version check stops them
                UUID fresh = UUID.randomUUID();
                freshIds.add(fresh);
                ObjectNode payload = (ObjectNode) JSON.readTree((String) e.get(2));
                payload.put("eventId", fresh.toString());
                last = Pipeline.send(producer, null, plan.toString(), JSON.writeValueAsString(payload),
                        fresh.toString(), (String) e.get(1));
            }
        }
        RecordMetadata lastSent = last;
        TopicPartition partition = new TopicPartition(lastSent.topic(), lastSent.partition());
        await().atMost(SETTLE).until(() -> pipeline.committed().getOrDefault(partition, 0L) > lastSent.offset());
        assertThat(pipeline.rows("SELECT outcome FROM notifier.processed_event WHERE event_id = ANY (?)", freshIds))
                .as("every fresh-id copy was processed and judged stale").hasSize(3)
                .allMatch(r -> "STALE".equals(r.get(0)));

        JsonNode after = pipeline.reminders(plan);
        assertThat(after).as("the schedule after the replay").isEqualTo(before);
        assertThat(pipeline.appliedAt(List.of(plan), Pipeline.CONFIRMED + 1)).isEqualTo(1);
        pipeline.assertConsistent(SETTLE);
        assertThat(pipeline.mailTo(email)).as("no e-mail from the replay").hasSize(mailsBefore);
        pipeline.assertDeliveredOnce(Map.of(email, plan), List.of(), 0);
        result(test, "6 replays (v3, v2, v1 as published; v3, v2, v1 under new ids): " + after.size()
                + " reminders unchanged, no e-mail");
    }

    // ---------------------------------------------------------------- 5

    /**
     * Invariant 5: poison records (not JSON; JSON of an unknown event type) on every partition land on
     * {@code plan-events.dlq} with the {@code dead-letter-reason} header, and the records behind them on the same
     * partitions are processed; a new enrollment still becomes a welcome e-mail.
     */
    @Test
    @Order(5)
    void drill_5_poison_records_go_to_the_dead_letter_topic_and_the_consumer_goes_on(TestInfo test)
            throws Exception {
        UUID applied = pipeline.enroll(Pipeline.newEmail("drill5-existing"));
        await().atMost(SETTLE).until(() -> pipeline.appliedAt(List.of(applied), Pipeline.CONFIRMED) == 1);
        String v1 = (String) pipeline.outboxOf(applied).get(0).get(2);

        Map<String, String> poison = new HashMap<>(); // key → value
        List<UUID> behind = new ArrayList<>();
        int partitions = pipeline.partitions(Pipeline.TOPIC).size();
        try (KafkaProducer<String, String> producer = pipeline.producer()) {
            for (int p = 0; p < partitions; p++) {
                String notJson = "poison-" + UUID.randomUUID();
                Pipeline.send(producer, p, notJson, "{this is not json", null, null);
                poison.put(notJson, "{this is not json");
                String unknownType = "poison-" + UUID.randomUUID();
                String value = v1.replace("\"PlanCreated\"", "\"PlanExploded\"");
                Pipeline.send(producer, p, unknownType, value, UUID.randomUUID().toString(), "PlanExploded");
                poison.put(unknownType, value);
                // a valid (stale) event right behind them on the same partition
                UUID fresh = UUID.randomUUID();
                ObjectNode event = (ObjectNode) JSON.readTree(v1);
                event.put("eventId", fresh.toString());
                Pipeline.send(producer, p, applied.toString(), JSON.writeValueAsString(event), fresh.toString(),
                        "PlanCreated");
                behind.add(fresh);
            }
        }
        String email = Pipeline.newEmail("drill5");
        UUID plan = pipeline.enroll(email);

        await().atMost(SETTLE).until(() -> pipeline.count(
                "SELECT count(*) FROM notifier.processed_event WHERE event_id = ANY (?)", behind) == partitions);
        await().atMost(SETTLE).until(() -> pipeline.welcomesSent(List.of(plan)) == 1);
        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        await().atMost(SETTLE).until(() -> {
            dead.clear();
            pipeline.readAll(Pipeline.DLQ).stream().filter(r -> poison.containsKey(r.key())).forEach(dead::add);
            return dead.size() >= poison.size();
        });
        assertThat(dead).hasSize(poison.size()).allSatisfy(r -> {
            assertThat(r.value()).as("the value is kept as it was").isEqualTo(poison.get(r.key()));
            assertThat(Pipeline.header(r, "dead-letter-reason")).as("reason header").isNotBlank();
            assertThat(Pipeline.header(r, "dead-letter-topic")).isEqualTo(Pipeline.TOPIC);
        });
        assertThat(pipeline.count("SELECT count(*) FROM notifier.plan_state WHERE snapshot::text LIKE '%PlanExploded%'"))
                .isZero();
        assertThat(stack.notifier().isReady()).isTrue();

        pipeline.assertConsistent(SETTLE);
        pipeline.assertDeliveredOnce(Map.of(email, plan), List.of(), 0);
        String reason = Pipeline.header(dead.get(0), "dead-letter-reason");
        result(test, poison.size() + " poison records on " + partitions + " partitions dead-lettered (e.g. \""
                + (reason.length() > 60 ? reason.substring(0, 60) + "..." : reason) + "\"); "
                + behind.size() + " records behind them processed; new enrollment mailed");
    }

    // ---------------------------------------------------------------- 6

    /**
     * Invariants 2 and 4 with two notifier instances in one consumer group: one of them SIGKILLed during a burst.
     * Its partitions move to the survivor, which also takes over its dispatcher's work; every plan gets its reminders
     * exactly once and every welcome is delivered once.
     */
    @Test
    @Order(6)
    void drill_6_two_notifiers_one_killed_during_a_burst(TestInfo test) throws Exception {
        int n = 120;
        UUID reference = pipeline.enroll(Pipeline.newEmail("drill6-reference"));
        await().atMost(SETTLE).until(() -> pipeline.appliedAt(List.of(reference), Pipeline.CONFIRMED) == 1);
        long expectedReminders = pipeline.remindersPerPlan(List.of(reference)).get(reference);

        ServiceProcess second = stack.launchService("notifier-2", notifierJar, 0).waitUntilReady(READY);
        await().atMost(SETTLE).until(() -> {
            ConsumerGroupDescription group = pipeline.group();
            return group.members().size() == 2
                    && group.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
        });
        String split = pipeline.group().members().stream()
                .map(m -> m.assignment().topicPartitions().stream().map(TopicPartition::partition).sorted().toList()
                        .toString()).sorted().reduce((a, b) -> a + " / " + b).orElse("?");

        List<String> emails = IntStream.range(0, n).mapToObj(i -> Pipeline.newEmail("drill6")).toList();
        var burst = java.util.concurrent.Executors.newSingleThreadExecutor();
        var enrolled = burst.submit(() -> pipeline.enrollAll(emails, 6));
        Set<UUID> burstPlans = new HashSet<>();
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(50)).until(() -> {
            burstPlans.addAll(pipeline.rows("SELECT p.id FROM planner.plan p JOIN planner.client c "
                    + "ON c.id = p.client_id WHERE c.email LIKE 'drill6-%' AND c.email NOT LIKE 'drill6-reference%'")
                    .stream().map(r -> (UUID) r.get(0)).toList());
            return pipeline.processed(burstPlans) >= n / 3 && appliedBy(second) > 0;
        });
        long secondApplied = appliedBy(second);
        second.kill();
        List<String> inFlight = pipeline.sendingNow();
        long appliedAtKill = pipeline.processed(burstPlans);
        Map<String, UUID> plans = enrolled.get(3, TimeUnit.MINUTES);
        burst.shutdown();

        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                .until(() -> pipeline.appliedAt(plans.values(), Pipeline.CONFIRMED) == n);
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                .until(() -> pipeline.welcomesSent(plans.values()) == n);
        await().atMost(SETTLE).until(pipeline::caughtUp);

        assertThat(pipeline.remindersPerPlan(plans.values()).values()).as("reminders per plan")
                .hasSize(n).allMatch(c -> c == expectedReminders);
        assertThat(pipeline.count("SELECT count(*) FROM notifier.processed_event WHERE plan_id = ANY (?)",
                plans.values())).as("each event applied once (enrolled, confirmed)").isEqualTo(n * Pipeline.CONFIRMED);
        pipeline.assertConsistent(SETTLE);
        int duplicates = pipeline.assertDeliveredOnce(plans, inFlight, 1);
        result(test, String.format(Locale.ROOT, "partitions split %s; notifier-2 killed after it applied %d "
                + "events (%d/%d plans applied); %d reminders per plan, %d welcomes, %d crash-window duplicate(s)",
                split, secondApplied, appliedAtKill, n, expectedReminders, n, duplicates));
    }

    /** How many plan versions a notifier process applied, from its log: a line a poll ("N plan versions applied: ..."). */
    private static long appliedBy(ServiceProcess notifier) {
        try (var lines = Files.lines(notifier.logFile())) {
            return lines.map(APPLIED::matcher).filter(Matcher::find)
                    .mapToLong(m -> Long.parseLong(m.group(1))).sum();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static final Pattern APPLIED =
            Pattern.compile("(\\d+) plan versions applied: \\d+ reminders added");

    // ---------------------------------------------------------------- 7

    /**
     * Invariant 2, whole topic: the notifier group's offsets reset to zero (notifiers stopped, Kafka's Admin API
     * {@code alterConsumerGroupOffsets}), and every event ever published — duplicates, replays and poison of the
     * drills above included — is consumed again. Every applied plan and every reminder stays exactly as it was, and
     * no e-mail goes out.
     */
    @Test
    @Order(7)
    void drill_7_replay_of_the_whole_topic_from_offset_zero(TestInfo test) throws Exception {
        await().atMost(SETTLE).until(pipeline::caughtUp);
        await().atMost(SETTLE).until(() -> pipeline.quiet(Duration.ofMinutes(5)));
        String ledger = "SELECT id, status, due_at, plan_version, attempts, sent_at, message_id, updated_at "
                + "FROM notifier.reminder ORDER BY id";
        String states = "SELECT plan_id, version, status, snapshot::text, updated_at FROM notifier.plan_state "
                + "ORDER BY plan_id";
        List<List<Object>> remindersBefore = pipeline.rows(ledger);
        List<List<Object>> statesBefore = pipeline.rows(states);
        int mailsBefore = pipeline.mailCount();

        for (ServiceProcess s : stack.services()) {
            if (s.name().startsWith("notifier")) {
                s.stop();
            }
        }
        await().atMost(SETTLE).until(() -> pipeline.group().groupState() == GroupState.EMPTY);
        Map<TopicPartition, Long> end = pipeline.endOffsets();
        long records = end.values().stream().mapToLong(Long::longValue).sum();
        try (Admin admin = pipeline.admin()) {
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            end.keySet().forEach(tp -> zero.put(tp, new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(Pipeline.GROUP, zero).all().get(30, TimeUnit.SECONDS);
        }
        assertThat(pipeline.committed().values()).allMatch(o -> o == 0);

        long t0 = System.nanoTime();
        stack.notifier().start().waitUntilReady(READY);
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(pipeline::caughtUp);
        double replayed = (System.nanoTime() - t0) / 1e9;

        assertThat(pipeline.rows(states)).as("applied plans after the replay").isEqualTo(statesBefore);
        assertThat(pipeline.rows(ledger)).as("the reminder ledger after the replay").isEqualTo(remindersBefore);
        pipeline.assertConsistent(SETTLE);
        assertThat(pipeline.mailCount()).as("no e-mail from the replay").isEqualTo(mailsBefore);
        result(test, String.format(Locale.ROOT, "%d records consumed again in %.1f s (restart included): %d plan "
                + "states and %d reminders unchanged, no e-mail", records, replayed, statesBefore.size(),
                remindersBefore.size()));
    }

    // ---------------------------------------------------------------- 8

    /**
     * Invariant 4 under load: a few thousand reminders of 150 active plans made due at once, and the notifier
     * SIGKILLed while it works through them. Its claims are released and sent by the restarted notifier; every
     * reminder of the burst ends SENT and in its client's inbox, each once, except at most
     * {@link Pipeline#CRASH_WINDOW} duplicates of reminders that were in flight at the kill.
     */
    @Test
    @Order(8)
    void drill_8_notifier_killed_during_a_dispatch_burst(TestInfo test) throws Exception {
        int n = 150;
        List<String> emails = IntStream.range(0, n).mapToObj(i -> Pipeline.newEmail("drill8")).toList();
        Map<String, UUID> plans = pipeline.enrollAll(emails, 8);
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                .until(() -> pipeline.appliedAt(plans.values(), Pipeline.CONFIRMED) == n);
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                .until(() -> pipeline.welcomesSent(plans.values()) == n);
        await().atMost(SETTLE).until(pipeline::caughtUp);
        assertThat(pipeline.count("SELECT count(*) FROM notifier.plan_state WHERE plan_id = ANY (?) "
                + "AND status = 'ACTIVE'", plans.values())).as("active plans").isEqualTo(n);
        Map<String, Long> before = itemReminders(plans.values());
        assertThat(before).as("the plans' item reminders, all in the future").containsOnlyKeys("SCHEDULED");

        // the burst: every item reminder due now, in one statement
        Set<String> burst = new HashSet<>();
        pipeline.rows("UPDATE notifier.reminder SET due_at = now(), next_attempt_at = NULL, updated_at = now() "
                + "WHERE plan_id = ANY (?) AND status = 'SCHEDULED' AND " + ITEM_REMINDERS + " RETURNING id",
                plans.values()).forEach(r -> burst.add((String) r.get(0)));
        assertThat((long) burst.size()).as("reminders made due").isEqualTo(before.get("SCHEDULED"));

        await().atMost(SETTLE).pollInterval(Duration.ofMillis(50))
                .until(() -> itemReminders(plans.values()).getOrDefault("SENT", 0L) >= burst.size() / 4);
        stack.notifier().kill();
        List<String> inFlight = pipeline.sendingNow();
        long sentAtKill = itemReminders(plans.values()).getOrDefault("SENT", 0L);
        assertThat(sentAtKill).as("SENT at the kill: in the middle of the burst").isLessThan(burst.size() * 3L / 4);

        long restarted = System.nanoTime();
        stack.notifier().start().waitUntilReady(READY);
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, Long> now = itemReminders(plans.values());
            return !now.containsKey("SCHEDULED") && !now.containsKey("SENDING");
        });
        double drained = (System.nanoTime() - restarted) / 1e9;

        assertThat(itemReminders(plans.values())).as("the burst, by status").isEqualTo(Map.of("SENT",
                (long) burst.size()));
        pipeline.assertConsistent(SETTLE);
        List<String> sent = pipeline.rows("SELECT id FROM notifier.reminder WHERE plan_id = ANY (?) "
                + "AND status = 'SENT'", plans.values()).stream().map(r -> (String) r.get(0)).toList();
        int duplicates = pipeline.assertDeliveredOnce(plans, sent, inFlight, 1);
        result(test, String.format(Locale.ROOT, "%d plans, %d reminders made due at once; killed with %d SENT and "
                + "%d in flight; all %d SENT %.1f s after the restart (startup included), %d crash-window "
                + "duplicate(s)", n, burst.size(), sentAtKill, inFlight.size(), burst.size(), drained, duplicates));
    }

    /** The item reminders of {@code plans}, counted by status. */
    private static Map<String, Long> itemReminders(Collection<UUID> plans) {
        Map<String, Long> byStatus = new HashMap<>();
        pipeline.rows("SELECT status, count(*) FROM notifier.reminder WHERE plan_id = ANY (?) AND "
                + ITEM_REMINDERS + " GROUP BY status", plans).forEach(r -> byStatus.put((String) r.get(0),
                (Long) r.get(1)));
        return byStatus;
    }
}
