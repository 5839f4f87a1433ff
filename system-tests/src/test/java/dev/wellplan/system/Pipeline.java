package dev.wellplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;

import dev.wellplan.calendar.SignedLinks;
import dev.wellplan.ops.check.ConsistencyCheck;
import dev.wellplan.ops.check.Report;
import dev.wellplan.stack.LocalStack;

/**
 * What the fault drills need to drive and observe the running stack: enrollments over HTTP, the inboxes over the mail
 * server's API, both schemas over JDBC, and the topics over plain Kafka clients.
 */
final class Pipeline {

    static final String TOPIC = "plan-events";
    static final String DLQ = "plan-events.dlq";
    static final String GROUP = "wellplan-notifier";
    static final String EVENT_ID = "wellplan-event-id";
    static final String EVENT_TYPE = "wellplan-event-type";
    /**
     * Messages one notifier may have had accepted by SMTP but not yet recorded SENT when it died: a sender starts a
     * message only while fewer than 2 × {@code wellplan.dispatch.senders} (4) are unrecorded, see ReminderDispatcher.
     */
    static final int CRASH_WINDOW = 8;
    /** A plan's version once its client confirmed the enrollment (1: enrolled, 2: confirmed). */
    static final long CONFIRMED = 2;
    /**
     * The key the services' {@code local} profile signs client links with (planner and notifier application.properties):
     * published, local only; a drill signs a confirmation link with it as the notifier would.
     */
    static final String LOCAL_LINK_SECRET = "local-only-link-secret-not-for-production-use";

    private final LocalStack stack;
    private final NotifierApi notifier;

    Pipeline(LocalStack stack) {
        this.stack = stack;
        this.notifier = new NotifierApi(stack);
    }

    // ---------------------------------------------------------------- HTTP: enrollments and the notifier API

    static String newEmail(String drill) {
        return drill + "-" + UUID.randomUUID() + "@example.com";
    }

    /**
     * A client enrolls themselves (the plan goes to the clinic's unassigned pool) and confirms at once, as the link
     * of the confirmation e-mail lets them: the plan is at {@link #CONFIRMED} when this returns its id.
     */
    UUID enroll(String email, String... redFlags) {
        return confirm(created(email, Http.postJson(stack.plannerUrl() + "/api/enrollments",
                assessment(email, redFlags))));
    }

    /** The local stack's coach enrolls a client, whose plan is then theirs (to record clearance, say); they confirm. */
    UUID enrollAsCoach(String email, String... redFlags) {
        return confirm(created(email, Http.postJson(stack.plannerUrl() + "/api/enrollments",
                assessment(email, redFlags), "coach", "coach-local")));
    }

    /** The client confirms their enrollment ({@code POST /api/plans/{id}/confirmation} with the e-mail's link). */
    UUID confirm(UUID planId) {
        Http.Reply confirmed = Http.postJson(stack.plannerUrl() + confirmationPath(planId), "");
        assertThat(confirmed.status()).as("confirmation of %s: %s", planId, confirmed.body()).isEqualTo(200);
        return planId;
    }

    /**
     * The path and query of the client's confirmation ({@code POST}), its token signed with the local stack's link key
     * as the notifier signs the link of the request to confirm.
     */
    static String confirmationPath(UUID planId) {
        Instant now = Instant.now();
        String token = new SignedLinks(LOCAL_LINK_SECRET.getBytes(StandardCharsets.UTF_8))
                .token("confirm", planId.toString(), now, now.plus(Duration.ofHours(48)));
        return "/api/plans/" + planId + "/confirmation?token=" + token;
    }

    private static UUID created(String email, Http.Reply created) {
        assertThat(created.status()).as("enrollment of %s: %s", email, created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asText());
    }

    /** {@code emails.size()} enrollments, {@code threads} at a time; returns email → plan id, in order. */
    Map<String, UUID> enrollAll(List<String> emails, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Map<String, Future<UUID>> futures = new LinkedHashMap<>();
            for (String email : emails) {
                futures.put(email, pool.submit(() -> enroll(email)));
            }
            Map<String, UUID> plans = new LinkedHashMap<>();
            for (Map.Entry<String, Future<UUID>> f : futures.entrySet()) {
                plans.put(f.getKey(), f.getValue().get(2, TimeUnit.MINUTES));
            }
            return plans;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The notifier's {@code GET /api/plans/{id}/reminders} (as the admin), or null when it does not know the plan. */
    JsonNode reminders(UUID planId) {
        Http.Reply reply = notifier.reminders(planId);
        return reply.status() == 200 ? reply.json() : null;
    }

    /** The status of the plan's first reminder of {@code kind} as the notifier reports it, or null. */
    String reminderStatus(UUID planId, String kind) {
        JsonNode reminders = reminders(planId);
        if (reminders == null) {
            return null;
        }
        for (JsonNode r : reminders) {
            if (kind.equals(r.get("kind").asText())) {
                return r.get("status").asText();
            }
        }
        return null;
    }

    static String assessment(String email, String... redFlags) {
        return assessmentOf("Drill Client", email, redFlags);
    }

    /** An assessment of a client called {@code name}, starting on a Monday at least two days from now. */
    static String assessmentOf(String name, String email, String... redFlags) {
        LocalDate start = LocalDate.now(ZoneId.of("Europe/Lisbon")).plusDays(2);
        while (start.getDayOfWeek() != DayOfWeek.MONDAY) {
            start = start.plusDays(1);
        }
        StringBuilder flags = new StringBuilder();
        for (String flag : redFlags) {
            flags.append(flags.length() == 0 ? "" : ", ").append('"').append(flag).append('"');
        }
        return """
                {
                  "client": {"name": "%s", "email": "%s", "timeZone": "Europe/Lisbon"},
                  "startDate": "%s",
                  "pain": {"area": "LOWER_BACK", "intensity": 6, "weeks": 16, "pattern": "NON_SPECIFIC", "drivers": ["STRESS"]},
                  "redFlags": [%s],
                  "preferences": {"massageDays": ["TUESDAY", "SATURDAY"], "highStressDays": ["MONDAY"],
                                  "massageTime": "10:00", "exerciseTime": "07:30", "exerciseDaysPerWeek": 3,
                                  "pressure": "MEDIUM", "quietHours": {"from": "21:00", "to": "07:00"}},
                  "equipment": ["FOAM_ROLLER", "LACROSSE_BALL"]
                }""".formatted(name, email, start, flags);
    }

    // ---------------------------------------------------------------- mail

    /** The messages received for {@code email}, oldest first, without their MIME source. */
    List<JsonNode> mailTo(String email) {
        return mail(stack.mailUrl(), "to=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8));
    }

    /** The messages received for {@code email}, oldest first, each with its MIME source ({@code raw}). */
    List<JsonNode> mailWithSourceTo(String email) {
        return mail(stack.mailUrl(), "raw=true&to=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8));
    }

    /**
     * Every message the mail server holds that matches {@code filters} ({@code GET <mailUrl>/api/messages?...}, e.g.
     * {@code to=...}), oldest first: page after page, following the API's {@code after} cursor.
     */
    static List<JsonNode> mail(String mailUrl, String filters) {
        List<JsonNode> list = new ArrayList<>();
        long after = 0;
        while (true) {
            Http.Reply reply = Http.get(mailUrl + "/api/messages?limit=1000&after=" + after + "&" + filters);
            assertThat(reply.status()).as("mail API: %s", reply.body()).isEqualTo(200);
            reply.json().forEach(list::add);
            if (reply.header("Link") == null) {
                return list;
            }
            after = list.get(list.size() - 1).get("id").asLong();
        }
    }

    /** How many messages the mail server holds in total. */
    int mailCount() {
        Http.Reply reply = Http.get(stack.mailUrl() + "/api/messages?limit=0");
        assertThat(reply.status()).isEqualTo(200);
        return Integer.parseInt(reply.header("X-Total-Count"));
    }

    /**
     * Asserts that each client of {@code plans} (email → plan id) received its welcome e-mail, and every e-mail the
     * ledger records as sent, exactly once (by Message-ID, which is deterministic per reminder). The one exception is
     * invariant 4's: a reminder that was in flight ({@code SENDING}) in a notifier that was SIGKILLed may have been
     * delivered just before the crash and again after its claim was released — at most {@link #CRASH_WINDOW} such
     * duplicates per crash, each of a reminder in {@code inFlightAtKill}. Returns how many there were.
     */
    int assertDeliveredOnce(Map<String, UUID> plans, Collection<String> inFlightAtKill, int crashes) {
        List<String> welcomes = plans.values().stream().map(plan -> plan + ":plan:welcome").toList();
        return assertDeliveredOnce(plans, welcomes, inFlightAtKill, crashes);
    }

    /**
     * As {@link #assertDeliveredOnce(Map, Collection, int)}, for the reminders {@code expected} (ids of reminders of
     * {@code plans}) instead of the welcomes: each is recorded SENT with its Message-ID and is in its client's inbox.
     */
    int assertDeliveredOnce(Map<String, UUID> plans, Collection<String> expected, Collection<String> inFlightAtKill,
                            int crashes) {
        Map<String, String> reminderOfMessage = new HashMap<>();
        Map<String, String> messageOf = new HashMap<>();
        Map<UUID, List<String>> expectedOf = new HashMap<>();
        Set<String> expectedIds = new HashSet<>(expected);
        for (List<Object> row : rows("SELECT id, message_id, plan_id FROM notifier.reminder "
                + "WHERE plan_id = ANY (?) AND message_id IS NOT NULL", plans.values())) {
            String reminder = (String) row.get(0);
            reminderOfMessage.put((String) row.get(1), reminder);
            messageOf.put(reminder, (String) row.get(1));
            if (expectedIds.contains(reminder)) {
                expectedOf.computeIfAbsent((UUID) row.get(2), p -> new ArrayList<>()).add((String) row.get(1));
            }
        }
        for (String reminder : expectedIds) {
            assertThat(messageOf.get(reminder)).as("reminder %s is recorded SENT with its Message-ID", reminder)
                    .isNotNull();
        }
        Map<String, String> inFlight = new HashMap<>();
        inFlightAtKill.forEach(reminder -> inFlight.put(messageId(reminder), reminder));
        int windowDuplicates = 0;
        for (Map.Entry<String, UUID> e : plans.entrySet()) {
            Map<String, Integer> perMessage = new HashMap<>();
            for (JsonNode m : mailTo(e.getKey())) {
                perMessage.merge(m.get("messageId").asText(), 1, Integer::sum);
            }
            assertThat(perMessage.keySet()).as("inbox of %s (plan %s) holds its sent reminders", e.getKey(),
                    e.getValue()).containsAll(expectedOf.getOrDefault(e.getValue(), List.of()));
            for (Map.Entry<String, Integer> m : perMessage.entrySet()) {
                String reminder = reminderOfMessage.get(m.getKey());
                if (reminder == null && inFlight.containsKey(m.getKey()) && m.getValue() == 1) {
                    // delivered just before the kill, then cancelled by a later event before it was sent again
                    // (a confirmation request whose plan was confirmed meanwhile): the ledger never saw it go out
                    windowDuplicates++;
                    continue;
                }
                assertThat(reminder).as("message %s to %s is a reminder the ledger records as sent", m.getKey(),
                        e.getKey()).isNotNull();
                if (m.getValue() == 2 && inFlightAtKill.contains(reminder)) {
                    windowDuplicates++;
                    continue;
                }
                assertThat(m.getValue()).as("deliveries of reminder %s to %s", reminder, e.getKey()).isEqualTo(1);
            }
        }
        assertThat(windowDuplicates).as("deliveries in the SMTP-250-to-SENT window of the killed notifier (a duplicate, or one the ledger did not record)")
                .isLessThanOrEqualTo(crashes * CRASH_WINDOW);
        return windowDuplicates;
    }

    /** The Message-ID the notifier gives a reminder's e-mail: deterministic, so a resend carries the same one. */
    static String messageId(String reminderId) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(reminderId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "<" + java.util.HexFormat.of().formatHex(digest, 0, 16) + "@wellplan.local>";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- database

    Connection db() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(), stack.postgres().user(), stack.postgres().password());
    }

    long count(String sql, Object... args) {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<List<Object>> rows(String sql, Object... args) {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof Collection<?> list) {
                s.setArray(i + 1, s.getConnection().createArrayOf("uuid", list.toArray()));
            } else {
                s.setObject(i + 1, arg);
            }
        }
    }

    /** Plans of {@code plans} whose applied state is at {@code version}. */
    long appliedAt(Collection<UUID> plans, long version) {
        return count("SELECT count(*) FROM notifier.plan_state WHERE plan_id = ANY (?) AND version = ?", plans,
                version);
    }

    /** Plans of {@code plans} with at least one processed event. */
    long processed(Collection<UUID> plans) {
        return count("SELECT count(DISTINCT plan_id) FROM notifier.processed_event WHERE plan_id = ANY (?)", plans);
    }

    long welcomesSent(Collection<UUID> plans) {
        return count("SELECT count(*) FROM notifier.reminder WHERE plan_id = ANY (?) AND kind = 'WELCOME' "
                + "AND status = 'SENT'", plans);
    }

    /** Reminder ids in {@code SENDING} right now (after a kill: the dead notifier's claims, among others). */
    List<String> sendingNow() {
        return rows("SELECT id FROM notifier.reminder WHERE status = 'SENDING'").stream()
                .map(r -> (String) r.get(0)).toList();
    }

    /** Reminders per plan, for {@code plans}. */
    Map<UUID, Long> remindersPerPlan(Collection<UUID> plans) {
        Map<UUID, Long> n = new HashMap<>();
        for (List<Object> row : rows("SELECT plan_id, count(*) FROM notifier.reminder WHERE plan_id = ANY (?) "
                + "GROUP BY plan_id", plans)) {
            n.put((UUID) row.get(0), (Long) row.get(1));
        }
        return n;
    }

    /** The outbox rows of a plan, oldest first: [event id, event type, payload, published_at]. */
    List<List<Object>> outboxOf(UUID plan) {
        return rows("SELECT id, event_type, payload, published_at FROM planner.outbox WHERE aggregate_id = ? "
                + "ORDER BY seq", plan);
    }

    /** No reminder in flight and none due in the next {@code margin}: the dispatcher has nothing to do soon. */
    boolean quiet(Duration margin) {
        return count("SELECT count(*) FROM notifier.reminder WHERE status = 'SENDING' OR (status = 'SCHEDULED' "
                + "AND due_at < now() + make_interval(secs => ?))", (double) margin.toSeconds()) == 0;
    }

    // ---------------------------------------------------------------- the consistency check

    /** Runs the operator's check (waiting up to {@code wait} for the pipeline to settle) and asserts no divergence. */
    Report assertConsistent(Duration wait) throws SQLException {
        Report report = ConsistencyCheck.runWaiting(stack.jdbcUrl(), stack.postgres().user(),
                stack.postgres().password(), ConsistencyCheck.Options.defaults(), wait);
        System.out.print(report.toText(10));
        assertThat(report.divergences()).as(report.toText(20)).isEmpty();
        return report;
    }

    // ---------------------------------------------------------------- Kafka

    Properties kafka() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return p;
    }

    KafkaProducer<String, String> producer() {
        Properties p = kafka();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "wellplan-fault-drills");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    Admin admin() {
        return Admin.create(kafka());
    }

    /** Sends a record and waits for the broker's acknowledgement. */
    static RecordMetadata send(KafkaProducer<String, String> producer, Integer partition, String key, String value,
                               String eventId, String eventType) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, partition, key, value);
        if (eventId != null) {
            record.headers().add(EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        }
        if (eventType != null) {
            record.headers().add(EVENT_TYPE, eventType.getBytes(StandardCharsets.UTF_8));
        }
        return producer.send(record).get(30, TimeUnit.SECONDS);
    }

    List<TopicPartition> partitions(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> list = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                list.add(new TopicPartition(topic, info.partition()));
            }
            return list;
        }
    }

    /** Every record of {@code topic}, read from the beginning to the current end without a consumer group. */
    List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                parts.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (parts.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in 60 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = kafka();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(p);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The notifier group's committed offsets, per partition of {@code plan-events} (missing = none committed). */
    Map<TopicPartition, Long> committed() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> out = new HashMap<>();
            offsets.forEach((tp, om) -> {
                if (om != null && tp.topic().equals(TOPIC)) {
                    out.put(tp, om.offset());
                }
            });
            return out;
        }
    }

    /** The end offset of each partition of {@code plan-events}. */
    Map<TopicPartition, Long> endOffsets() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            partitions(TOPIC).forEach(tp -> request.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        }
    }

    /** True once the notifier group has committed every record of {@code plan-events} up to its current end. */
    boolean caughtUp() throws Exception {
        Map<TopicPartition, Long> committed = committed();
        for (Map.Entry<TopicPartition, Long> end : endOffsets().entrySet()) {
            if (end.getValue() > 0 && committed.getOrDefault(end.getKey(), -1L) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    ConsumerGroupDescription group() throws Exception {
        try (Admin admin = admin()) {
            return admin.describeConsumerGroups(List.of(GROUP)).all().get(30, TimeUnit.SECONDS).get(GROUP);
        }
    }
}
