package dev.wellplan.notifier.reminder.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.ProcessCpu;
import dev.wellplan.notifier.RealServers;
import dev.wellplan.notifier.preferences.store.EmailPreferences;
import dev.wellplan.notifier.reminder.mail.MailComposer;
import dev.wellplan.notifier.reminder.mail.ReminderMail;
import dev.wellplan.notifier.reminder.schedule.ReminderDao;
import dev.wellplan.notifier.reminder.schedule.ReminderRow;
import dev.wellplan.reminders.ReminderKind;
import dev.wellplan.stack.MailServer;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Reminder dispatch figures for BENCHMARKS.md (issues 5 and 13), in one run on one PostgreSQL and one SMTP
 * server (GreenMail on loopback), side by side:
 * <ol>
 * <li>(c) the SMTP sink's own ceiling: the same composed messages, prepared beforehand, sent over long-lived Jakarta
 * Mail connections: one connection, then one per sender ({@code wellplan.dispatch.senders}) in parallel, the
 * ceiling (a) is compared with; and, for reference, the same through the Quarkus Mailer one at a time;</li>
 * <li>(a) this design: 1,000,000 SCHEDULED reminders in the ledger for 10,000 plans, of which 100,000
 * become due in one minute (committed at once); the notifier's own Quartz-fired dispatcher claims,
 * composes, sends and records them, each received once (by Message-ID); CPU per reminder of this JVM (by part:
 * the dispatcher's threads, the SMTP server's, ...), PostgreSQL and the Kafka broker; then lateness
 * (sent_at minus due_at) at a steady 20 reminders/s;</li>
 * <li>(b) the naive baseline: plain Quartz (StdSchedulerFactory, JobStoreTX, clustered, PostgreSQL
 * delegate, 10 threads) on the same PostgreSQL in its own schema built from the notifier's V2 Quartz
 * migration, one trigger per reminder, each job doing the same snapshot read, preference check,
 * composition and send (through the Quarkus Mailer), for a burst of due triggers with batch acquisition 1 and
 * 50.</li>
 * </ol>
 * Delivered means received by GreenMail: a delivery handler counts and discards the benchmark's
 * messages (as the local stack's MailServer does) and notes when each Message-ID arrived, and how often.
 *
 * <p>Not part of the default test run:
 * {@code mvn -B -f notifier/pom.xml test -Pbench -Dtest=ReminderDispatchBenchmark}. Sizes are system
 * properties: bench.stored, bench.due, bench.plans, bench.rate, bench.seconds, bench.baseline, bench.sink,
 * bench.welcomes; {@code -Dbench.phases=welcome} times composing and writing the welcome (the plan's calendar).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
@Tag("benchmark")
class ReminderDispatchBenchmark {

    private static final int STORED = Integer.getInteger("bench.stored", 1_000_000);
    private static final int DUE = Integer.getInteger("bench.due", 100_000);
    private static final int PLANS = Integer.getInteger("bench.plans", 10_000);
    private static final int RATE = Integer.getInteger("bench.rate", 20);
    private static final int STEADY_SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final int BASELINE = Integer.getInteger("bench.baseline", 3_000);
    private static final int BASELINE_THREADS = Integer.getInteger("bench.baseline-threads", 10);
    private static final int SINK = Integer.getInteger("bench.sink", 10_000);
    private static final int WELCOMES = Integer.getInteger("bench.welcomes", 3_000);
    private static final int WARM_UP = 500;
    /** For trying a change quickly: which of sink, burst, steady, baseline, welcome to run (default all but welcome). */
    private static final Set<String> PHASES = Set.of(System.getProperty("bench.phases", "sink,burst,steady,baseline")
            .split(","));

    private static final String DOMAIN = "bench.wellplan.test";
    private static final ZoneId ZONE = ZoneId.of("Europe/Lisbon");
    private static final String SAMPLE = "dev/wellplan/contract/samples/plan-created.v1.json";
    private static final String QUARTZ_DDL = "db/migration/notifier/V2__quartz_tables.sql";

    private static final Sink SINK_COUNTER = new Sink();
    private static final MailServer.DiscardingUser DISCARD = new MailServer.DiscardingUser("sink@" + DOMAIN, "bench-sink");
    private static MessageDeliveryHandler previousHandler;

    @Inject
    Jdbi jdbi;

    @Inject
    Mailer mailer;

    @Inject
    MailComposer composer;

    @Inject
    SmtpSettings smtp;

    @Inject
    EmailPreferences preferences;

    @Inject
    java.time.Clock clock;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    @Inject
    DispatchConfig dispatch;

    @ConfigProperty(name = "quarkus.mailer.max-pool-size", defaultValue = "10")
    int mailerPool;

    private final Random random = new Random(5);
    private final Map<String, String> figures = new LinkedHashMap<>();
    private List<UUID> plans;
    private List<PlanSnapshot.Item> items;

    @BeforeAll
    static void countAndDiscardBenchmarkMail() {
        UserManager users = RealServers.smtp().getUserManager();
        previousHandler = users.getMessageDeliveryHandler();
        SINK_COUNTER.fallback = previousHandler;
        users.setMessageDeliveryHandler(SINK_COUNTER);
    }

    @AfterAll
    static void restoreDelivery() {
        RealServers.smtp().getUserManager().setMessageDeliveryHandler(previousHandler);
    }

    @Test
    void dispatch_side_by_side() throws Exception {
        String loadBefore = ProcessCpu.loadAverage();
        Instant started = Instant.now();
        seedPlans();

        if (PHASES.contains("welcome")) {
            welcomes();
        }
        double cBefore = PHASES.contains("sink") ? sinkCeiling(true) : Double.NaN;
        double a = PHASES.contains("burst") ? burst() : Double.NaN;
        if (PHASES.contains("steady")) {
            steadyLateness();
        }
        double b1 = PHASES.contains("baseline") ? baseline(1) : Double.NaN;
        double b50 = PHASES.contains("baseline") ? baseline(50) : Double.NaN;
        // The machine is shared: the ceiling again at the end, and the higher of the two is the one compared with.
        double cAfter = PHASES.contains("sink") ? sinkCeiling(false) : Double.NaN;
        double c = Math.max(cBefore, cAfter);
        figures.put("c.rate", fmt("%.0f", c));
        figures.put("senders", String.valueOf(dispatch.senders()));

        line("ratio a/b(batch 1) %.1fx, a/b(batch 50) %.1fx, a/c %.0f%% (c: the higher of the two parallel sink runs)",
                a / b1, a / b50, 100 * a / c);
        figures.put("ratio.b1", fmt("%.1f", a / b1));
        figures.put("ratio.b50", fmt("%.1f", a / b50));
        figures.put("ratio.c", fmt("%.0f", 100 * a / c));
        figures.put("load.before", loadBefore);
        figures.put("load.after", ProcessCpu.loadAverage());
        figures.put("started", started.truncatedTo(ChronoUnit.SECONDS).toString());
        figures.put("minutes", fmt("%.1f", Duration.between(started, Instant.now()).toSeconds() / 60.0));
        writeFigures();
    }

    // ---------------------------------------------------------------- seed

    /** 10,000 plans (their snapshots in notifier.plan_state) and 900,000 reminders due in the coming weeks. */
    private void seedPlans() {
        PlanEvent sample = sample();
        items = fourWeeks(sample.plan());
        plans = new ArrayList<>(PLANS);
        long t0 = System.nanoTime();
        jdbi.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO notifier.plan_state (plan_id, version, status, snapshot, updated_at)
                    VALUES (:planId, 1, 'ACTIVE', CAST(:snapshot AS jsonb), now())""");
            for (int i = 0; i < PLANS; i++) {
                UUID planId = UUID.randomUUID();
                plans.add(planId);
                batch.bind("planId", planId).bind("snapshot", PlanEventCodec.toJson(planEvent(sample, planId, i)))
                        .add();
                if (batch.size() == 1_000) {
                    batch.execute();
                }
            }
            if (batch.size() > 0) {
                batch.execute();
            }
        });
        int perPlan = STORED / PLANS;
        int duePerPlan = DUE / PLANS;
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        int future = insertReminders(duePerPlan, perPlan - 1, "", tomorrow, Duration.ofDays(27));
        jdbi.useHandle(h -> h.execute("ANALYZE notifier.reminder"));
        int snapshotBytes = PlanEventCodec.toJson(planEvent(sample, plans.get(0), 0)).length();
        line("seed: %d plans (snapshot %d bytes, %d items) and %d reminders due in 1-28 days in %.1f s",
                PLANS, snapshotBytes, items.size(), future, (System.nanoTime() - t0) / 1e9);
        figures.put("seed.future", String.valueOf(future));
        figures.put("seed.snapshotBytes", String.valueOf(snapshotBytes));
        figures.put("seed.items", String.valueOf(items.size()));
    }

    /** Reminders {@code from..to} of every plan, due at random in [base, base + span). */
    private int insertReminders(int from, int to, String marker, Instant base, Duration span) {
        String[] itemIds = items.stream().map(PlanSnapshot.Item::id).toArray(String[]::new);
        String[] kinds = items.stream().map(i -> kindOf(i).name()).toArray(String[]::new);
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO notifier.reminder (id, plan_id, item_id, kind, due_at, local_time, time_zone, plan_version,
                                               status, created_at, updated_at)
                SELECT plan_id || ':' || item_id || ':' || lower(kind) || '#' || :marker || n, plan_id, item_id, kind,
                       due_at, due_at AT TIME ZONE :zone, :zone, 1, 'SCHEDULED', now(), now()
                FROM (SELECT p.plan_id, n, (CAST(:itemIds AS text[]))[1 + n % :k] AS item_id,
                             (CAST(:kinds AS text[]))[1 + n % :k] AS kind,
                             CAST(:base AS timestamptz) + random() * (:spanMs * interval '1 millisecond') AS due_at
                      FROM unnest(CAST(:plans AS uuid[])) AS p(plan_id), generate_series(:from, :to) AS n) r""")
                .bind("marker", marker).bind("zone", ZONE.getId())
                .bindArray("itemIds", String.class, (Object[]) itemIds).bindArray("kinds", String.class, (Object[]) kinds)
                .bind("k", itemIds.length).bind("base", base.atOffset(java.time.ZoneOffset.UTC))
                .bind("spanMs", (double) span.toMillis()).bindArray("plans", UUID.class, plans.toArray())
                .bind("from", from).bind("to", to).execute());
    }

    // ---------------------------------------------------------------- (c) the sink

    /**
     * Plain loops over long-lived Jakarta Mail connections sending the same composed messages, prepared beforehand: one
     * connection, then one per sender ({@code wellplan.dispatch.senders}) in parallel, the sink's ceiling for this
     * design; at the start also the same through the Quarkus Mailer, one at a time, for reference.
     */
    private double sinkCeiling(boolean first) throws Exception {
        List<ReminderMail> mails = new ArrayList<>(SINK + WARM_UP);
        for (int i = 0; i < SINK + WARM_UP; i++) {
            mails.add(compose("sink-" + (first ? "a" : "b") + i));
        }
        List<MimeMessage> mimes = new ArrayList<>(mails.size());
        long bytes = 0;
        for (ReminderMail mail : mails) {
            MimeMessage mime = mail.toMime(smtp.session(), smtp.from());
            mimes.add(mime);
            bytes += mime.getSize() > 0 ? mime.getSize() : raw(mime).length;
        }
        long avgBytes = bytes / mimes.size();

        long before = SINK_COUNTER.count();
        double plain;
        try (Transport transport = smtp.session().getTransport("smtp")) {
            transport.connect();
            for (MimeMessage mime : mimes.subList(0, WARM_UP)) {
                transport.sendMessage(mime, mime.getAllRecipients());
            }
            long t0 = System.nanoTime();
            for (MimeMessage mime : mimes.subList(WARM_UP, mimes.size())) {
                transport.sendMessage(mime, mime.getAllRecipients());
            }
            plain = SINK / ((System.nanoTime() - t0) / 1e9);
        }
        awaitReceived(before + SINK + WARM_UP, Duration.ofMinutes(1));
        double parallel = parallelSink(mimes.subList(WARM_UP, mimes.size()));
        String when = first ? "start" : "end";
        line("(c) SMTP sink ceiling at the %s: %d messages (~%d bytes, routine reminders), each loop over long-lived "
                + "Jakarta Mail connections: one connection %.0f msgs/s; %d connections in parallel (one per sender) "
                + "%.0f msgs/s", when, SINK, avgBytes, plain, dispatch.senders(), parallel);
        figures.put("c1." + when, fmt("%.0f", plain));
        figures.put("cN." + when, fmt("%.0f", parallel));
        if (!first) {
            return parallel;
        }

        List<Mail> quarkusMails = mails.stream().map(ReminderMail::toMessage).toList();
        before = SINK_COUNTER.count();
        for (Mail mail : quarkusMails.subList(0, WARM_UP)) {
            mailer.send(mail);
        }
        long t0 = System.nanoTime();
        for (Mail mail : quarkusMails.subList(WARM_UP, quarkusMails.size())) {
            mailer.send(mail);
        }
        double viaMailer = SINK / ((System.nanoTime() - t0) / 1e9);
        awaitReceived(before + SINK + WARM_UP, Duration.ofMinutes(1));
        line("(c) for reference, the Quarkus Mailer, one message at a time: %.0f msgs/s", viaMailer);
        figures.put("c.mailer", fmt("%.0f", viaMailer));
        figures.put("c.bytes", String.valueOf(avgBytes));
        return parallel;
    }

    /** The same messages sent again by one thread per sender, each over its own connection: messages per second. */
    private double parallelSink(List<MimeMessage> mimes) throws Exception {
        int n = dispatch.senders();
        long before = SINK_COUNTER.count();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<?>> loops = new ArrayList<>();
            CountDownLatch connected = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            for (int t = 0; t < n; t++) {
                List<MimeMessage> share = new ArrayList<>();
                for (int i = t; i < mimes.size(); i += n) {
                    share.add(mimes.get(i));
                }
                loops.add(pool.submit(() -> {
                    try (Transport transport = smtp.session().getTransport("smtp")) {
                        transport.connect();
                        connected.countDown();
                        go.await();
                        for (MimeMessage mime : share) {
                            transport.sendMessage(mime, mime.getAllRecipients());
                        }
                    }
                    return null;
                }));
            }
            connected.await();
            long t0 = System.nanoTime();
            go.countDown();
            for (Future<?> loop : loops) {
                loop.get();
            }
            double rate = mimes.size() / ((System.nanoTime() - t0) / 1e9);
            awaitReceived(before + mimes.size(), Duration.ofMinutes(1));
            return rate;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- welcome messages

    /**
     * The welcome, the message with the plan's calendar, composed and written out by one thread: time per message for
     * composing it, and for making and writing its MIME message (what a sender does before SMTP). The snapshots are
     * read beforehand.
     */
    private void welcomes() throws Exception {
        List<PlanSnapshot> snapshots = new ArrayList<>();
        for (UUID planId : plans.subList(0, Math.min(plans.size(), 1_000))) {
            snapshots.add(PlanEventCodec.fromJson(jdbi.onDemand(ReminderDao.class).snapshot(planId).orElseThrow())
                    .plan());
        }
        java.io.OutputStream nowhere = java.io.OutputStream.nullOutputStream();
        long composeNanos = 0;
        long mimeNanos = 0;
        long bytes = 0;
        for (int i = 0; i < WARM_UP + WELCOMES; i++) {
            PlanSnapshot plan = snapshots.get(i % snapshots.size());
            Instant now = Instant.now();
            ReminderRow row = new ReminderRow(plan.planId() + ":welcome#" + i, plan.planId(), null,
                    ReminderKind.WELCOME.name(), now, LocalDateTime.ofInstant(now, ZONE), ZONE.getId(), 1, "SENDING",
                    0, null, null, null);
            long t0 = System.nanoTime();
            ReminderMail mail = composer.compose(row, plan, now);
            long t1 = System.nanoTime();
            MimeMessage mime = mail.toMime(smtp.session(), smtp.from());
            mime.writeTo(nowhere);
            long t2 = System.nanoTime();
            if (i >= WARM_UP) {
                composeNanos += t1 - t0;
                mimeNanos += t2 - t1;
                bytes += mail.attachments().stream().mapToLong(a -> a.content().length()).sum();
            }
        }
        line("welcome: %d messages (calendar ~%d chars) by one thread: compose %.0f us, MIME message made and "
                + "written %.0f us per message", WELCOMES, bytes / WELCOMES, composeNanos / 1e3 / WELCOMES,
                mimeNanos / 1e3 / WELCOMES);
        figures.put("welcome.compose.us", fmt("%.0f", composeNanos / 1e3 / WELCOMES));
        figures.put("welcome.mime.us", fmt("%.0f", mimeNanos / 1e3 / WELCOMES));
    }

    // ---------------------------------------------------------------- (a) this design

    /** 100,000 reminders due in one minute, committed at once; the notifier's dispatcher delivers them. */
    private double burst() {
        int duePerPlan = DUE / PLANS;
        long before = SINK_COUNTER.count();
        Instant minute = Instant.now().minusSeconds(60);
        long t0 = System.nanoTime();
        int inserted = insertReminders(0, duePerPlan - 1, "due-", minute, Duration.ofMinutes(1));
        Instant committed = Instant.now();
        long committedNanos = System.nanoTime();
        double insertSeconds = (committedNanos - t0) / 1e9;
        ProcessCpu cpuBefore = ProcessCpu.now(jdbi);
        long stored = jdbi.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM notifier.reminder WHERE status = 'SCHEDULED'").mapTo(Long.class).one());

        awaitReceived(before + inserted, Duration.ofMinutes(10));
        ProcessCpu cpu = ProcessCpu.now(jdbi).minus(cpuBefore);
        double seconds = (SINK_COUNTER.lastNanos() - committedNanos) / 1e9;
        double rate = inserted / seconds;

        Instant end = minute.plus(Duration.ofMinutes(1));
        Map<String, Long> statuses = new LinkedHashMap<>();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
            statuses.clear();
            statuses.putAll(statusCounts(minute, end));
            return statuses.getOrDefault("SENT", 0L) == inserted;
        });
        Instant lastSent = jdbi.withHandle(h -> h.createQuery(
                        "SELECT max(sent_at) FROM notifier.reminder WHERE due_at >= :a AND due_at < :b")
                .bind("a", minute).bind("b", end).mapTo(Instant.class).one());
        List<String> ids = jdbi.withHandle(h -> h.createQuery(
                        "SELECT id FROM notifier.reminder WHERE due_at >= :a AND due_at < :b")
                .bind("a", minute).bind("b", end).mapTo(String.class).list());
        long missing = ids.stream().filter(id -> !SINK_COUNTER.arrived(MailComposer.messageId(id))).count();
        long twice = ids.stream().filter(id -> SINK_COUNTER.deliveries(MailComposer.messageId(id)) > 1).count();
        double ledgerRate = inserted / (Duration.between(committed, lastSent).toNanos() / 1e9);

        line("(a) this design: %d reminders due in one minute among %d stored (%d plans), committed in %.1f s; "
                        + "delivered in %.1f s = %.0f reminders/s (ledger: last SENT after %.1f s = %.0f/s); %s; "
                        + "%d not received, %d received more than once",
                inserted, stored, PLANS, insertSeconds, seconds, rate,
                Duration.between(committed, lastSent).toMillis() / 1e3, ledgerRate, statuses, missing, twice);
        line("(a) %s", cpu.perUnit(inserted, "reminder"));
        assertThat(statuses).containsEntry("SENT", (long) inserted).hasSize(1);
        assertThat(missing).isZero();
        assertThat(twice).isZero();
        figures.put("a.cpu.jvm", fmt("%.3f", cpu.jvmMillis() / inserted));
        figures.put("a.cpu.postgres", fmt("%.3f", cpu.postgresMillis() / inserted));
        cpu.threadMillis().forEach((part, ms) -> figures.put("a.cpu.jvm." + part.replace(' ', '-'),
                fmt("%.3f", ms / inserted)));
        figures.put("a.stored", String.valueOf(stored));
        figures.put("a.due", String.valueOf(inserted));
        figures.put("a.seconds", fmt("%.1f", seconds));
        figures.put("a.rate", fmt("%.0f", rate));
        return rate;
    }

    private Map<String, Long> statusCounts(Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT status, count(*) AS n FROM notifier.reminder WHERE due_at >= :a AND due_at < :b
                        GROUP BY status ORDER BY status""").bind("a", from).bind("b", to)
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    /** Reminders due every 50 ms for a minute (stored beforehand, as a plan stores them): sent_at minus due_at. */
    private void steadyLateness() {
        int total = RATE * STEADY_SECONDS;
        long stepNanos = 1_000_000_000L / RATE;
        Instant first = Instant.now().plusSeconds(3).plusNanos(random.nextInt(1_000_000_000));
        List<String> ids = new ArrayList<>(total);
        long before = SINK_COUNTER.count();
        jdbi.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO notifier.reminder (id, plan_id, item_id, kind, due_at, local_time, time_zone,
                                                   plan_version, status, created_at, updated_at)
                    VALUES (:id, :planId, :itemId, :kind, :dueAt, :localTime, :zone, 1, 'SCHEDULED', now(), now())""");
            for (int i = 0; i < total; i++) {
                UUID planId = plans.get(random.nextInt(plans.size()));
                PlanSnapshot.Item item = items.get(random.nextInt(items.size()));
                ReminderKind kind = kindOf(item);
                String id = planId + ":" + item.id() + ":" + kind.name().toLowerCase(Locale.ROOT) + "#steady-" + i;
                Instant due = first.plusNanos(i * stepNanos);
                ids.add(id);
                batch.bind("id", id).bind("planId", planId).bind("itemId", item.id()).bind("kind", kind.name())
                        .bind("dueAt", due).bind("localTime", LocalDateTime.ofInstant(due, ZONE))
                        .bind("zone", ZONE.getId()).add();
            }
            batch.execute();
        });
        awaitReceived(before + total, Duration.ofSeconds(STEADY_SECONDS + 120L));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> jdbi.withHandle(h ->
                h.createQuery("SELECT count(*) FROM notifier.reminder WHERE id IN (<ids>) AND status = 'SENT'")
                        .bindList("ids", ids).mapTo(Long.class).one()) == total);

        List<Object[]> rows = jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, due_at, sent_at FROM notifier.reminder WHERE id IN (<ids>)").bindList("ids", ids)
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class),
                        rs.getObject(3, java.time.OffsetDateTime.class)}).list());
        List<Double> ledger = new ArrayList<>(total);
        List<Double> received = new ArrayList<>(total);
        for (Object[] row : rows) {
            Instant due = ((java.time.OffsetDateTime) row[1]).toInstant();
            Instant sent = ((java.time.OffsetDateTime) row[2]).toInstant();
            ledger.add(Duration.between(due, sent).toNanos() / 1e6);
            long at = SINK_COUNTER.arrivedAtMicros(MailComposer.messageId((String) row[0]));
            received.add((at - (due.getEpochSecond() * 1_000_000L + due.getNano() / 1_000)) / 1e3);
        }
        Collections.sort(ledger);
        Collections.sort(received);
        line("(a) lateness at a steady %d reminders/s for %d s (%d reminders, %d stored): sent_at - due_at p50 %.0f ms, "
                        + "p99 %.0f ms, max %.0f ms; received by the SMTP server - due_at p50 %.0f ms, p99 %.0f ms",
                RATE, STEADY_SECONDS, total, STORED, percentile(ledger, 50), percentile(ledger, 99),
                ledger.get(ledger.size() - 1), percentile(received, 50), percentile(received, 99));
        figures.put("lat.n", String.valueOf(total));
        figures.put("lat.p50", fmt("%.0f", percentile(ledger, 50)));
        figures.put("lat.p99", fmt("%.0f", percentile(ledger, 99)));
        figures.put("lat.max", fmt("%.0f", ledger.get(ledger.size() - 1)));
        figures.put("lat.rcv.p50", fmt("%.0f", percentile(received, 50)));
        figures.put("lat.rcv.p99", fmt("%.0f", percentile(received, 99)));
    }

    // ---------------------------------------------------------------- (b) one Quartz trigger per reminder

    private double baseline(int batch) throws Exception {
        createBaselineSchema();
        Properties props = new Properties();
        props.put("org.quartz.scheduler.instanceName", "wellplan-bench-per-trigger-" + batch);
        props.put("org.quartz.scheduler.instanceId", "AUTO");
        props.put("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(batch));
        props.put("org.quartz.scheduler.threadsInheritContextClassLoaderOfInitializer", "true");
        props.put("org.quartz.threadPool.threadCount", String.valueOf(BASELINE_THREADS));
        props.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        props.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        props.put("org.quartz.jobStore.tablePrefix", "bench_quartz.qrtz_");
        props.put("org.quartz.jobStore.isClustered", "true");
        props.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        props.put("org.quartz.jobStore.dataSource", "bench");
        props.put("org.quartz.dataSource.bench.connectionProvider.class", PooledConnections.class.getName());
        props.put("org.quartz.dataSource.bench.url", jdbcUrl);
        props.put("org.quartz.dataSource.bench.user", dbUser);
        props.put("org.quartz.dataSource.bench.password", dbPassword);
        props.put("org.quartz.dataSource.bench.maxConnections", String.valueOf(BASELINE_THREADS + 3));

        Scheduler scheduler = new StdSchedulerFactory(props).getScheduler();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        SendJob job = new SendJob(jdbi.onDemand(ReminderDao.class), composer, preferences, mailer, clock, done, failed);
        scheduler.setJobFactory((bundle, s) -> job);
        try {
            // Stored one by one while the scheduler stands by, as a per-reminder design stores them.
            Instant due = Instant.now();
            long t0 = System.nanoTime();
            for (int i = 0; i < BASELINE; i++) {
                UUID planId = plans.get(random.nextInt(plans.size()));
                PlanSnapshot.Item item = items.get(random.nextInt(items.size()));
                ReminderKind kind = kindOf(item);
                String id = planId + ":" + item.id() + ":" + kind.name().toLowerCase(Locale.ROOT) + "#quartz-" + batch
                        + "-" + i;
                JobDataMap data = new JobDataMap();
                data.put("id", id);
                data.put("planId", planId.toString());
                data.put("itemId", item.id());
                data.put("kind", kind.name());
                scheduler.scheduleJob(JobBuilder.newJob(SendJob.class).withIdentity("reminder-" + i, "bench")
                                .usingJobData(data).build(),
                        TriggerBuilder.newTrigger().withIdentity("reminder-" + i, "bench").startAt(java.util.Date.from(due))
                                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                                .build());
            }
            double storeRate = BASELINE / ((System.nanoTime() - t0) / 1e9);

            long before = SINK_COUNTER.count();
            long start = System.nanoTime();
            scheduler.start();
            awaitReceived(before + BASELINE, Duration.ofMinutes(5));
            double rate = BASELINE / ((SINK_COUNTER.lastNanos() - start) / 1e9);
            await().atMost(Duration.ofMinutes(1)).until(() -> done.get() + failed.get() == BASELINE);
            line("(b) one Quartz trigger per reminder (JobStoreTX clustered, %d threads, batch acquisition %d): "
                            + "%d due triggers delivered at %.0f reminders/s (%d failed); stored at %.0f triggers/s",
                    BASELINE_THREADS, batch, BASELINE, rate, failed.get(), storeRate);
            assertThat(failed.get()).isZero();
            figures.put("b" + batch + ".rate", fmt("%.0f", rate));
            figures.put("b" + batch + ".store", fmt("%.0f", storeRate));
            figures.put("b.n", String.valueOf(BASELINE));
            return rate;
        } finally {
            scheduler.shutdown(true);
        }
    }

    private void createBaselineSchema() {
        String ddl;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(QUARTZ_DDL)) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String script = "DROP SCHEMA IF EXISTS bench_quartz CASCADE;\nCREATE SCHEMA bench_quartz;\n"
                + ddl.replace("notifier.qrtz_", "bench_quartz.qrtz_");
        jdbi.useHandle(h -> h.createScript(script).execute());
    }

    /** One reminder's job in the per-trigger design: the same snapshot read, preference check, mail and send. */
    public static final class SendJob implements Job {
        private final ReminderDao dao;
        private final MailComposer composer;
        private final EmailPreferences preferences;
        private final Mailer mailer;
        private final java.time.Clock clock;
        private final AtomicInteger done;
        private final AtomicInteger failed;

        SendJob(ReminderDao dao, MailComposer composer, EmailPreferences preferences, Mailer mailer,
                java.time.Clock clock, AtomicInteger done, AtomicInteger failed) {
            this.dao = dao;
            this.composer = composer;
            this.preferences = preferences;
            this.mailer = mailer;
            this.clock = clock;
            this.done = done;
            this.failed = failed;
        }

        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            try {
                JobDataMap data = context.getMergedJobDataMap();
                UUID planId = UUID.fromString(data.getString("planId"));
                Instant due = context.getScheduledFireTime().toInstant();
                ReminderRow row = new ReminderRow(data.getString("id"), planId, data.getString("itemId"),
                        data.getString("kind"), due, LocalDateTime.ofInstant(due, ZONE), ZONE.getId(), 1, "SENDING", 0,
                        null, null, null);
                PlanSnapshot plan = PlanEventCodec.fromJson(dao.snapshot(planId).orElseThrow()).plan();
                if (!preferences.allows(EmailPreferences.recipientOf(plan), ReminderKind.valueOf(row.kind()))) {
                    throw new IllegalStateException("unsubscribed");
                }
                mailer.send(composer.compose(row, plan, clock.instant()).toMessage());
                done.incrementAndGet();
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                throw new JobExecutionException(e);
            }
        }
    }

    /** The baseline's own small pool (Agroal, as Quarkus uses) on the same PostgreSQL. */
    public static final class PooledConnections implements ConnectionProvider {
        private String url;
        private String user;
        private String password;
        private int maxConnections = 13;
        private AgroalDataSource pool;

        public void setUrl(String url) {
            this.url = url;
        }

        public void setUser(String user) {
            this.user = user;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public void setMaxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
        }

        @Override
        public void initialize() {
            pool = new io.agroal.pool.DataSource(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(cp -> cp.maxSize(maxConnections).minSize(0).initialSize(0)
                            .acquisitionTimeout(Duration.ofSeconds(30))
                            .connectionFactoryConfiguration(cf -> cf.jdbcUrl(url).principal(new NamePrincipal(user))
                                    .credential(new SimplePassword(password))))
                    .get());
        }

        @Override
        public Connection getConnection() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public void shutdown() {
            pool.close();
        }
    }

    // ---------------------------------------------------------------- the SMTP server's side

    /** Counts and discards the benchmark's messages (recipients in {@value #DOMAIN}); others go on as before. */
    static final class Sink implements MessageDeliveryHandler {
        volatile MessageDeliveryHandler fallback;
        private final AtomicLong count = new AtomicLong();
        private final Map<String, Long> arrivedMicros = new ConcurrentHashMap<>();
        private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        private volatile long lastNanos;

        @Override
        public GreenMailUser handle(MovingMessage msg, MailAddress address) throws MessagingException,
                com.icegreen.greenmail.user.UserException {
            if (!address.getEmail().endsWith("@" + DOMAIN)) {
                return fallback.handle(msg, address);
            }
            Instant now = Instant.now();
            String messageId = msg.getMessage().getMessageID();
            if (messageId != null) {
                arrivedMicros.put(messageId, now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000);
                deliveries.merge(messageId, 1, Integer::sum);
            }
            lastNanos = System.nanoTime();
            count.incrementAndGet();
            return DISCARD;
        }

        long count() {
            return count.get();
        }

        long lastNanos() {
            return lastNanos;
        }

        /** How many times a message with this Message-ID was received. */
        int deliveries(String messageId) {
            return deliveries.getOrDefault(messageId, 0);
        }

        boolean arrived(String messageId) {
            return arrivedMicros.containsKey(messageId);
        }

        long arrivedAtMicros(String messageId) {
            Long at = arrivedMicros.get(messageId);
            if (at == null) {
                throw new AssertionError("not received: " + messageId);
            }
            return at;
        }
    }

    private static void awaitReceived(long count, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> SINK_COUNTER.count() >= count);
    }

    // ---------------------------------------------------------------- plans and mail

    private static PlanEvent sample() {
        try (InputStream in = PlanEventCodec.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            return PlanEventCodec.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden sample's plan, grown to the four weeks the rules make: 2 sessions with aftercare and check-ins, etc. */
    private static List<PlanSnapshot.Item> fourWeeks(PlanSnapshot sample) {
        LocalDate start = sample.startDate();
        PlanSnapshot.Item massage = sample.items().stream().filter(i -> i.kind().equals("MASSAGE")).findFirst()
                .orElseThrow();
        PlanSnapshot.Item strength = sample.items().stream().filter(i -> i.kind().equals("STRENGTH")).findFirst()
                .orElseThrow();
        List<PlanSnapshot.Item> out = new ArrayList<>(sample.items());
        for (int s = 1; s <= 2; s++) {
            LocalDateTime at = s == 1 ? massage.start() : massage.start().plusDays(14);
            if (s == 2) {
                out.add(new PlanSnapshot.Item("massage-2", "MASSAGE", at, massage.durationMinutes(), massage.title(),
                        massage.massageType(), massage.pressure(), List.of(), massage.rules()));
            }
            out.add(new PlanSnapshot.Item("massage-" + s + "-aftercare", "AFTERCARE", at.plusMinutes(110), 15, null,
                    null, null, List.of(), List.of("AFT-1")));
            out.add(new PlanSnapshot.Item("massage-" + s + "-checkin-24h", "CHECK_IN", at.plusDays(1), 5, null, null,
                    null, List.of(), List.of("AFT-2")));
            out.add(new PlanSnapshot.Item("massage-" + s + "-checkin-48h", "CHECK_IN", at.plusDays(2), 5, null, null,
                    null, List.of(), List.of("AFT-3")));
        }
        for (int week = 1; week <= 4; week++) {
            for (int day = 1; day <= 2; day++) {
                LocalDate date = start.plusDays(7L * (week - 1) + (day == 1 ? 2 : 4));
                if (!(week == 1 && day == 1)) {
                    out.add(new PlanSnapshot.Item("strength-w" + week + "-d" + day, "STRENGTH",
                            date.atTime(strength.start().toLocalTime()), strength.durationMinutes(), strength.title(),
                            null, null, strength.exercises(), strength.rules()));
                }
                out.add(new PlanSnapshot.Item("self-massage-w" + week + "-d" + day, "SELF_MASSAGE",
                        date.plusDays(1).atTime(LocalTime.of(19, 0)), 10, "Self-massage", null, null, List.of(),
                        List.of("ACT-3")));
            }
        }
        out.add(new PlanSnapshot.Item("review", "REVIEW", sample.endDate().atTime(18, 0), 15, "Four-week review", null,
                null, List.of(), List.of("LIF-2")));
        return out;
    }

    /** The sample event for another plan and client: each plan its own client and address. */
    private PlanEvent planEvent(PlanEvent sample, UUID planId, int n) {
        PlanSnapshot p = sample.plan();
        PlanSnapshot plan = new PlanSnapshot(planId, p.version(), p.status(),
                new PlanSnapshot.Client(UUID.randomUUID(), p.client().name(), "client-" + n + "@" + DOMAIN),
                p.timeZone(), p.startDate(), p.endDate(), p.quietHours(), p.urgency(), items);
        return new PlanEvent(UUID.randomUUID(), sample.type(), sample.schemaVersion(), planId, sample.planVersion(),
                sample.occurredAt(), sample.change(), plan);
    }

    private static ReminderKind kindOf(PlanSnapshot.Item item) {
        return switch (item.kind()) {
            case "MASSAGE" -> ReminderKind.MASSAGE_DAY_BEFORE;
            case "AFTERCARE" -> ReminderKind.AFTERCARE;
            case "CHECK_IN" -> ReminderKind.CHECK_IN;
            case "STRENGTH" -> ReminderKind.STRENGTH_DAY;
            case "SELF_MASSAGE" -> ReminderKind.SELF_MASSAGE;
            case "REVIEW" -> ReminderKind.END_OF_PLAN;
            default -> throw new IllegalArgumentException(item.kind());
        };
    }

    /** A routine reminder of a random plan, composed as the dispatcher composes it. */
    private ReminderMail compose(String marker) {
        UUID planId = plans.get(random.nextInt(plans.size()));
        PlanSnapshot plan = PlanEventCodec.fromJson(jdbi.onDemand(ReminderDao.class).snapshot(planId).orElseThrow())
                .plan();
        PlanSnapshot.Item item = items.get(random.nextInt(items.size()));
        ReminderKind kind = kindOf(item);
        Instant now = Instant.now();
        ReminderRow row = new ReminderRow(planId + ":" + item.id() + ":" + kind.name().toLowerCase(Locale.ROOT) + "#"
                + marker, planId, item.id(), kind.name(), now, LocalDateTime.ofInstant(now, ZONE), ZONE.getId(), 1,
                "SENDING", 0, null, null, null);
        return composer.compose(row, plan, now);
    }

    private static byte[] raw(MimeMessage mime) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            mime.writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- output

    private void line(String format, Object... args) {
        System.out.println("BENCH " + String.format(Locale.ROOT, format, args));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** target/reminder-dispatch-bench.properties: the figures, for BENCHMARKS.md. */
    private void writeFigures() throws IOException {
        figures.put("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
        figures.put("dispatch.batch-size", String.valueOf(dispatch.batchSize()));
        figures.put("dispatch.interval", dispatch.interval().toMillis() + "ms");
        figures.put("mailer.max-pool-size", String.valueOf(mailerPool));
        StringBuilder out = new StringBuilder();
        figures.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        Path file = Path.of("target", "reminder-dispatch-bench.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.print("BENCH figures\n" + out);
    }
}
