package dev.wellplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wellplan.stack.LocalStack;
import dev.wellplan.stack.ServiceProcess;

/**
 * From a REST call to an inbox, on the whole local stack as {@code ./wellplan up} runs it (PostgreSQL, Kafka, the
 * mail server, planner and notifier as processes of their own), driven by {@value #CLIENTS} clients, each from a
 * loopback address of its own (127.0.0.2, 127.0.0.3, ...: a client IP address each, as the planner sees real
 * clients). Each client enrolls ({@code POST /api/enrollments}, 201) and confirms at once
 * ({@code POST /api/plans/{id}/confirmation}, 2xx, as the link of the request to confirm does): the welcome falls
 * due when the confirmation commits, so its latency is measured from the confirmation's answer.
 * <ol>
 * <li>footprint: each service's time from its start to ready, started together with the other (as
 * {@code ./wellplan up} does) and alone, and the memory (RSS; PSS for PostgreSQL's processes) of every process, idle
 * and under the load below;</li>
 * <li>the load: {@code bench.rate} (100) enrollments a second for {@code bench.seconds} (60), scheduled at even
 * intervals whatever the answers (open loop); p50/p99 from the 201 to the notifier's ledger holding the plan
 * ({@code notifier.plan_state}, as the benchmark's poller first sees it, every 20 ms), from the confirmation to the
 * ledger holding the confirmed version, and from the confirmation to the welcome e-mail in the mail server (its time
 * of receipt); CPU per enrollment of each process;</li>
 * <li>what the planner accepts: the clients enroll as fast as they can for {@code bench.accept-seconds} (20),
 * 201s per second;</li>
 * <li>the ceiling: rates {@code bench.ceiling} (25, 50, 75, 100, 150, ... per second), {@code bench.step-seconds} (20) each,
 * until p99 from confirmation to welcome passes 2 s or the clients cannot keep the rate.</li>
 * </ol>
 * The stack's anonymous-request limit per client IP address is raised (environment
 * {@code WELLPLAN_LIMITS_REQUESTS_PER_IP}); every other setting is the local stack's.
 *
 * <p>Not part of the default test run (tag {@code benchmark}): {@code mvn -B -DskipTests install && mvn -B -f
 * system-tests/pom.xml test -Pbench -Dtest=EndToEndBenchmark}. Figures also land in
 * {@code system-tests/target/end-to-end-bench.properties}. After the load phase it prints PostgreSQL's CPU by whose
 * it was (each service's connections, by their {@code ApplicationName}, and the server's own processes) and the
 * transactions committed per enrollment; with {@code -Dbench.pg-statements=true} PostgreSQL also loads
 * {@code pg_stat_statements} and the phase's statements are listed with their calls and time per enrollment.
 */
@Tag("benchmark")
class EndToEndBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final int RATE = Integer.getInteger("bench.rate", 100);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final int ACCEPT_SECONDS = Integer.getInteger("bench.accept-seconds", 20);
    private static final int STEP_SECONDS = Integer.getInteger("bench.step-seconds", 20);
    private static final String CEILING = System.getProperty("bench.ceiling", "25,50,75,100,150,200,300,400");
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 600);
    private static final Duration CEILING_P99 = Duration.ofSeconds(2);
    /** Whether PostgreSQL loads pg_stat_statements and the load phase's statements per enrollment are printed. */
    private static final boolean STATEMENTS = Boolean.getBoolean("bench.pg-statements");
    private static final int TOP_STATEMENTS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> figures = new LinkedHashMap<>();
    private LocalStack stack;
    private String mailUrl;

    @Test
    void rest_to_inbox() throws Exception {
        Instant began = Instant.now();
        figures.put("started", began.truncatedTo(ChronoUnit.SECONDS).toString());
        figures.put("load.before", loadAverage());
        LocalStack.Builder builder = Stacks.onFreePorts("e2e")
                .serviceEnv("WELLPLAN_LIMITS_REQUESTS_PER_IP", "100000000");
        if (STATEMENTS) {
            builder.postgresSetting("shared_preload_libraries", "pg_stat_statements")
                    .postgresSetting("pg_stat_statements.track", "all");
        }
        try (LocalStack started = builder.start()) {
            stack = started;
            mailUrl = stack.mailUrl();
            startup("together");
            for (ServiceProcess service : List.of(stack.planner(), stack.notifier())) {
                service.restart().waitUntilReady(Duration.ofMinutes(2));
                line("startup alone: %s ready %d ms after its start", service.name(),
                        service.startupTime().toMillis());
                figures.put("startup.alone." + service.name() + ".ms", String.valueOf(service.startupTime().toMillis()));
            }
            Thread.sleep(10_000);
            memory("idle");

            Run warmUp = run(WARM_UP / 10.0, WARM_UP);
            warmUp.awaitWelcomes(Duration.ofMinutes(2));
            warmUp.poller.stop();
            line("warm-up: %d enrollments at %d/s", WARM_UP, WARM_UP / 10);

            resetStatements();
            long commitsBefore = commits();
            Map<Long, Double> pgBefore = postgresCpuByPid();
            Cpu before = cpu();
            Run main = run(RATE, RATE * SECONDS);
            Map<String, Long> peak = main.peakMemory;
            main.awaitWelcomes(Duration.ofMinutes(3));
            Cpu used = cpu().minus(before);
            report("load", main);
            line("CPU per enrollment (enrolled, confirmed, request to confirm and welcome sent): %s",
                    used.perUnit(main.size()));
            used.into(figures, "load.cpu", main.size());
            double commitsPer = (commits() - commitsBefore) / (double) main.size();
            line("PostgreSQL transactions committed per enrollment (all databases): %.1f", commitsPer);
            figures.put("load.pg.commits", fmt("%.1f", commitsPer));
            postgresCpuSplit(pgBefore, main.size());
            statements(main.size());
            peak.forEach((process, kb) -> figures.put("rss.load." + process + ".mb", String.valueOf(kb / 1024)));
            line("memory under load (the highest seen, MB): %s", megabytes(peak));

            double accepted = acceptance();
            line("the planner accepted %.0f enrollments/s from %d clients enrolling as fast as they can for %d s",
                    accepted, CLIENTS, ACCEPT_SECONDS);
            figures.put("accept.rate", fmt("%.0f", accepted));
            drain();

            int ceiling = 0;
            for (String step : CEILING.split(",")) {
                int rate = Integer.parseInt(step.trim());
                Run r = run(rate, rate * STEP_SECONDS);
                boolean drained = r.awaitWelcomes(Duration.ofMinutes(2));
                r.poller.stop();
                Percentiles welcome = r.percentiles(p -> p.welcome - p.confirmed);
                boolean kept = r.achievedRate() >= 0.9 * rate;
                line("ceiling step %d/s: achieved %.0f/s, confirmation to welcome p50 %d ms, p99 %d ms%s", rate,
                        r.achievedRate(), welcome.p50, welcome.p99, drained ? "" : " (not all delivered in 2 min)");
                figures.put("ceiling." + rate + ".achieved", fmt("%.0f", r.achievedRate()));
                figures.put("ceiling." + rate + ".welcome.p99", String.valueOf(welcome.p99));
                if (!drained || !kept || welcome.p99 >= CEILING_P99.toMillis()) {
                    break;
                }
                ceiling = rate;
            }
            line("ceiling: %d enrollments/s with p99 from confirmation to welcome under %d s", ceiling,
                    CEILING_P99.toSeconds());
            figures.put("ceiling", String.valueOf(ceiling));
        } finally {
            figures.put("load.after", loadAverage());
            figures.put("minutes", fmt("%.1f", Duration.between(began, Instant.now()).toSeconds() / 60.0));
            writeFigures();
        }
    }

    // ---------------------------------------------------------------- footprint

    private void startup(String how) {
        for (ServiceProcess service : List.of(stack.planner(), stack.notifier())) {
            line("startup %s: %s ready %d ms after its start", how, service.name(), service.startupTime().toMillis());
            figures.put("startup." + how + "." + service.name() + ".ms",
                    String.valueOf(service.startupTime().toMillis()));
        }
    }

    private void memory(String when) {
        Map<String, Long> kb = memoryNow();
        line("memory %s (MB): %s", when, megabytes(kb));
        kb.forEach((process, k) -> figures.put("rss." + when + "." + process + ".mb", String.valueOf(k / 1024)));
    }

    /**
     * Resident memory of each process in kB: the services', Kafka's and this JVM's RSS (this JVM holds the mail
     * server and the load generator); PostgreSQL's as the sum of its processes' PSS (shared buffers counted once).
     */
    private Map<String, Long> memoryNow() {
        Map<String, Long> kb = new LinkedHashMap<>();
        kb.put("planner", status(stack.planner().pid(), "VmRSS"));
        kb.put("notifier", status(stack.notifier().pid(), "VmRSS"));
        kb.put("kafka", status(stack.kafka().pid(), "VmRSS"));
        ProcessHandle postmaster = ProcessHandle.of(stack.postgres().pid()).orElseThrow();
        kb.put("postgres", pss(postmaster.pid()) + postmaster.descendants().mapToLong(p -> pss(p.pid())).sum());
        kb.put("test-jvm", status(ProcessHandle.current().pid(), "VmRSS"));
        return kb;
    }

    private static long status(long pid, String field) {
        return procField(Path.of("/proc", String.valueOf(pid), "status"), field);
    }

    private static long pss(long pid) {
        return procField(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), "Pss");
    }

    private static long procField(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a backend that ended meanwhile
        }
        return 0;
    }

    private static String megabytes(Map<String, Long> kb) {
        StringBuilder s = new StringBuilder();
        kb.forEach((process, k) -> s.append(s.length() == 0 ? "" : ", ").append(process).append(' ').append(k / 1024));
        return s.toString();
    }

    // ---------------------------------------------------------------- load

    /** One enrollment's moments, in epoch milliseconds (0 = not yet). */
    static final class Plan {
        final UUID id;
        final long created;
        volatile long confirmed;
        volatile long applied;
        volatile long appliedConfirmed;
        volatile long welcome;

        Plan(UUID id, long created) {
            this.id = id;
            this.created = created;
        }
    }

    record Percentiles(long p50, long p99, long max, int n) {
    }

    /** A run of the load: its plans as they are enrolled, and the poller that notes when each reaches ledger and inbox. */
    final class Run {
        final Map<UUID, Plan> plans = new ConcurrentHashMap<>();
        final Map<String, Plan> byWelcome = new ConcurrentHashMap<>();
        final Map<String, Long> peakMemory = new ConcurrentHashMap<>();
        final AtomicInteger failures = new AtomicInteger();
        long firstNanos;
        long lastNanos;
        int offered;
        Poller poller;

        int size() {
            return plans.size();
        }

        double achievedRate() {
            return plans.size() / ((lastNanos - firstNanos) / 1e9);
        }

        Percentiles percentiles(ToLongFunction<Plan> latency) {
            List<Long> values = new ArrayList<>();
            for (Plan p : plans.values()) {
                long v = latency.applyAsLong(p);
                if (p.welcome > 0 && p.applied > 0 && p.appliedConfirmed > 0) {
                    values.add(v);
                }
            }
            values.sort(null);
            if (values.isEmpty()) {
                return new Percentiles(-1, -1, -1, 0);
            }
            return new Percentiles(at(values, 50), at(values, 99), values.get(values.size() - 1), values.size());
        }

        /** Polls until every plan's welcome is in the mail server and its versions are in the ledger. */
        boolean awaitWelcomes(Duration atMost) throws Exception {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (System.nanoTime() < deadline) {
                if (plans.values().stream().allMatch(p -> p.welcome > 0 && p.appliedConfirmed > 0 && p.applied > 0)) {
                    return true;
                }
                Thread.sleep(100);
            }
            return false;
        }
    }

    /**
     * {@code total} enrollments at {@code rate} a second, each followed by its confirmation, from the clients; returns
     * once every request is answered, with the poller still watching ledger and inbox for this run.
     */
    private Run run(double rate, int total) throws Exception {
        Run run = new Run();
        run.offered = total;
        Poller poller = new Poller(run);
        run.poller = poller;
        Thread polling = new Thread(poller, "e2e-poller");
        polling.setDaemon(true);
        polling.start();
        long interval = (long) (1e9 / rate);
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime() + 100_000_000L;
        run.firstNanos = start;
        clients((client, http) -> {
            for (long k = next.getAndIncrement(); k < total; k = next.getAndIncrement()) {
                long at = start + k * interval;
                long wait = at - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                enrollAndConfirm(run, http, true);
            }
        });
        run.lastNanos = System.nanoTime();
        assertThat(run.failures.get()).as("failed enrollments or confirmations").isZero();
        return run;
    }

    /** The clients enroll (without confirming) as fast as they can for {@code ACCEPT_SECONDS}: 201s per second. */
    private double acceptance() throws Exception {
        Run run = new Run();
        long end = System.nanoTime() + ACCEPT_SECONDS * 1_000_000_000L;
        AtomicInteger accepted = new AtomicInteger();
        long t0 = System.nanoTime();
        clients((client, http) -> {
            while (System.nanoTime() < end) {
                if (enrollAndConfirm(run, http, false)) {
                    accepted.incrementAndGet();
                }
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(run.failures.get()).as("refused enrollments").isZero();
        return accepted.get() / seconds;
    }

    private interface Client {
        void run(int client, BoundHttp http) throws Exception;
    }

    /** {@value #CLIENTS} threads, client i from 127.0.0.(2 + i), all started together. */
    private void clients(Client body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch ready = new CountDownLatch(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                running.add(pool.submit(() -> {
                    try (BoundHttp http = new BoundHttp(InetAddress.getByName("127.0.0." + (2 + client)),
                            stack.planner().port())) {
                        ready.countDown();
                        ready.await();
                        body.run(client, http);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client's enrollment and, with {@code confirm}, its confirmation; false (and a failure counted) when refused. */
    private boolean enrollAndConfirm(Run run, BoundHttp http, boolean confirm) throws IOException {
        String email = Pipeline.newEmail("e2e");
        BoundHttp.Reply created = http.post("/api/enrollments", Pipeline.assessment(email),
                "Idempotency-Key: " + UUID.randomUUID());
        long createdAt = System.currentTimeMillis();
        if (created.status() != 201) {
            run.failures.incrementAndGet();
            line("enrollment answered %d: %s", created.status(), created.body());
            return false;
        }
        UUID id = UUID.fromString(JSON.readTree(created.body()).get("id").asText());
        Plan plan = new Plan(id, createdAt);
        if (!confirm) {
            return true;
        }
        run.byWelcome.put(Pipeline.messageId(id + ":plan:welcome"), plan);
        run.plans.put(id, plan);
        BoundHttp.Reply confirmed = http.post(Pipeline.confirmationPath(id), "");
        plan.confirmed = System.currentTimeMillis();
        if (confirmed.status() / 100 != 2) {
            run.failures.incrementAndGet();
            line("confirmation answered %d: %s", confirmed.status(), confirmed.body());
            return false;
        }
        return true;
    }

    /**
     * Every 20 ms: which plans the notifier's ledger holds now, and at which version ({@code notifier.plan_state}, by
     * primary key, for the plans not seen there yet), and which messages the mail server received since the last
     * look ({@code GET /api/messages?since=&after=}, without their source), each welcome with its time of receipt. Also the
     * processes' memory, once a second.
     */
    final class Poller implements Runnable {
        private final Run run;
        private final Instant since = Instant.now().minusSeconds(1);
        private volatile boolean stopped;
        private long afterId;

        Poller(Run run) {
            this.run = run;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            long lastMemory = 0;
            try (Connection db = new Pipeline(stack).db()) {
                while (!stopped) {
                    long now = System.currentTimeMillis();
                    ledger(db, now);
                    mail();
                    if (now - lastMemory >= 1000) {
                        memoryNow().forEach((process, kb) -> run.peakMemory.merge(process, kb, Math::max));
                        lastMemory = now;
                    }
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                line("poller stopped: %s", e);
            }
        }

        private void ledger(Connection db, long now) throws SQLException {
            List<UUID> pending = new ArrayList<>();
            for (Plan p : run.plans.values()) {
                if (p.appliedConfirmed == 0) {
                    pending.add(p.id);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT plan_id, version FROM notifier.plan_state WHERE plan_id = ANY (?)")) {
                Array ids = db.createArrayOf("uuid", pending.toArray());
                s.setArray(1, ids);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Plan p = run.plans.get((UUID) rs.getObject(1));
                        long version = rs.getLong(2);
                        if (p.applied == 0) {
                            p.applied = now;
                        }
                        if (version >= Pipeline.CONFIRMED && p.confirmed > 0) {
                            p.appliedConfirmed = now;
                        }
                    }
                }
            }
        }

        private void mail() throws IOException {
            while (true) {
                Http.Reply reply = Http.get(mailUrl + "/api/messages?limit=1000&since=" + since + "&after=" + afterId);
                JsonNode page = reply.json();
                for (JsonNode m : page) {
                    afterId = m.get("id").asLong();
                    Plan p = run.byWelcome.get(m.get("messageId").asText());
                    if (p != null && p.welcome == 0) {
                        p.welcome = Instant.parse(m.get("receivedAt").asText()).toEpochMilli();
                    }
                }
                if (reply.header("Link") == null) {
                    return;
                }
            }
        }
    }

    /** Waits until the mail server has been quiet for two seconds (what the acceptance run enrolled is sent). */
    private void drain() throws InterruptedException {
        long last = -1;
        for (int quiet = 0; quiet < 20; ) {
            long count = Long.parseLong(Http.get(mailUrl + "/api/messages?limit=0").header("X-Total-Count"));
            quiet = count == last ? quiet + 1 : 0;
            last = count;
            Thread.sleep(100);
        }
    }

    private void report(String name, Run run) {
        run.poller.stop();
        Percentiles applied = run.percentiles(p -> p.applied - p.created);
        Percentiles appliedConfirmed = run.percentiles(p -> p.appliedConfirmed - p.confirmed);
        Percentiles welcome = run.percentiles(p -> p.welcome - p.confirmed);
        Percentiles welcomeFromCreated = run.percentiles(p -> p.welcome - p.created);
        line("%s: %d enrollments offered at %d/s from %d clients, achieved %.0f/s; every one enrolled, confirmed and "
                        + "welcomed: %d", name, run.offered, RATE, CLIENTS, run.achievedRate(), welcome.n);
        line("%s: 201 to the notifier's ledger holding the plan: p50 %d ms, p99 %d ms, max %d ms", name, applied.p50,
                applied.p99, applied.max);
        line("%s: confirmation to the ledger holding the confirmed plan: p50 %d ms, p99 %d ms, max %d ms", name,
                appliedConfirmed.p50, appliedConfirmed.p99, appliedConfirmed.max);
        line("%s: confirmation to the welcome e-mail in the mail server: p50 %d ms, p99 %d ms, max %d ms (201 to "
                        + "welcome: p50 %d ms, p99 %d ms)", name, welcome.p50, welcome.p99, welcome.max,
                welcomeFromCreated.p50, welcomeFromCreated.p99);
        assertThat(welcome.n).as("every enrollment welcomed").isEqualTo(run.offered);
        figures.put(name + ".achieved", fmt("%.0f", run.achievedRate()));
        put(name + ".ledger", applied);
        put(name + ".ledger-confirmed", appliedConfirmed);
        put(name + ".welcome", welcome);
    }

    private void put(String key, Percentiles p) {
        figures.put(key + ".p50", String.valueOf(p.p50));
        figures.put(key + ".p99", String.valueOf(p.p99));
        figures.put(key + ".max", String.valueOf(p.max));
    }

    // ---------------------------------------------------------------- CPU

    /** CPU milliseconds of each process so far. */
    private record Cpu(Map<String, Double> millis) {
        Cpu minus(Cpu o) {
            Map<String, Double> d = new LinkedHashMap<>();
            millis.forEach((k, v) -> d.put(k, v - o.millis.getOrDefault(k, 0.0)));
            return new Cpu(d);
        }

        String perUnit(int units) {
            StringBuilder s = new StringBuilder();
            double all = 0;
            for (Map.Entry<String, Double> e : millis.entrySet()) {
                s.append(s.length() == 0 ? "" : ", ").append(fmt("%s %.2f ms", e.getKey(), e.getValue() / units));
                all += e.getValue();
            }
            return s.append(fmt("; %.2f ms in all", all / units)).toString();
        }

        void into(Map<String, String> figures, String key, int units) {
            millis.forEach((k, v) -> figures.put(key + "." + k, fmt("%.2f", v / units)));
        }
    }

    private Cpu cpu() {
        Map<String, Double> ms = new LinkedHashMap<>();
        ms.put("planner", cpuOf(stack.planner().pid()));
        ms.put("notifier", cpuOf(stack.notifier().pid()));
        ms.put("kafka", cpuOf(stack.kafka().pid()));
        ProcessHandle postmaster = ProcessHandle.of(stack.postgres().pid()).orElseThrow();
        ms.put("postgres", millis(postmaster) + postmaster.descendants().mapToDouble(EndToEndBenchmark::millis).sum());
        ms.put("test-jvm", millis(ProcessHandle.current()));
        return new Cpu(ms);
    }

    private static double cpuOf(long pid) {
        return ProcessHandle.of(pid).map(EndToEndBenchmark::millis).orElse(0.0);
    }

    private static double millis(ProcessHandle p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0);
    }

    // ---------------------------------------------------------------- PostgreSQL's share

    private long commits() throws SQLException {
        try (Connection c = stack.postgres().connect();
                PreparedStatement s = c.prepareStatement("select sum(xact_commit) from pg_stat_database");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private Map<Long, Double> postgresCpuByPid() {
        Map<Long, Double> ms = new LinkedHashMap<>();
        ProcessHandle postmaster = ProcessHandle.of(stack.postgres().pid()).orElseThrow();
        ms.put(postmaster.pid(), millis(postmaster));
        postmaster.descendants().forEach(p -> ms.put(p.pid(), millis(p)));
        return ms;
    }

    /**
     * PostgreSQL's CPU in the load phase by whose it was: each service's connections (their {@code ApplicationName}),
     * then the server's own processes by {@code backend_type} (WAL writer, autovacuum, ...). Processes that ended
     * during the phase (an autovacuum worker) are in neither figure.
     */
    private void postgresCpuSplit(Map<Long, Double> before, int enrollments) throws SQLException {
        Map<Long, Double> after = postgresCpuByPid();
        Map<Long, String> whose = new LinkedHashMap<>();
        try (Connection c = stack.postgres().connect();
                PreparedStatement s = c.prepareStatement("select pid, application_name, backend_type from pg_stat_activity");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String app = r.getString("application_name");
                whose.put(r.getLong("pid"), app != null && app.startsWith("wellplan-") ? app
                        : Objects.requireNonNullElse(r.getString("backend_type"), "other"));
            }
        }
        Map<String, Double> byWhom = new java.util.TreeMap<>();
        after.forEach((pid, ms) -> byWhom.merge(whose.getOrDefault(pid, pid == stack.postgres().pid() ? "postmaster"
                : "other"), ms - before.getOrDefault(pid, 0.0), Double::sum));
        StringBuilder line = new StringBuilder();
        byWhom.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(e -> {
            line.append(line.length() == 0 ? "" : ", ").append(e.getKey()).append(fmt(" %.2f", e.getValue() / enrollments));
            figures.put("load.pg.cpu." + e.getKey().replace(' ', '-'), fmt("%.2f", e.getValue() / enrollments));
        });
        line("PostgreSQL CPU per enrollment by whose (ms): %s", line);
    }

    private void resetStatements() throws SQLException {
        if (!STATEMENTS) {
            return;
        }
        try (Connection c = stack.postgres().connect(); java.sql.Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
        }
    }

    /** The statements of the load phase by execution time: calls and milliseconds per enrollment. */
    private void statements(int enrollments) throws SQLException {
        if (!STATEMENTS) {
            return;
        }
        String sql = """
                select calls, total_exec_time, rows, query,
                       sum(calls) over () as all_calls, sum(total_exec_time) over () as all_time
                  from pg_stat_statements
                 order by total_exec_time desc
                """;
        try (Connection c = stack.postgres().connect();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            int shown = 0;
            while (r.next()) {
                if (shown == 0) {
                    line("statements per enrollment: %.1f calls, %.2f ms executing (pg_stat_statements, all backends)",
                            r.getLong("all_calls") / (double) enrollments, r.getDouble("all_time") / enrollments);
                    figures.put("load.pg.calls", fmt("%.1f", r.getLong("all_calls") / (double) enrollments));
                    figures.put("load.pg.exec.ms", fmt("%.2f", r.getDouble("all_time") / enrollments));
                }
                if (shown++ < TOP_STATEMENTS) {
                    String query = r.getString("query").replaceAll("\\s+", " ");
                    line("  %6.2f calls %6.3f ms %6.1f rows | %s", r.getLong("calls") / (double) enrollments,
                            r.getDouble("total_exec_time") / enrollments, r.getLong("rows") / (double) enrollments,
                            query.length() > 160 ? query.substring(0, 160) + "…" : query);
                }
            }
        }
    }

    // ---------------------------------------------------------------- output

    private static long at(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static void line(String format, Object... args) {
        System.out.println("BENCH " + fmt(format, args));
    }

    private void writeFigures() throws IOException {
        figures.put("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
        StringBuilder out = new StringBuilder();
        figures.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        Path file = Path.of("target", "end-to-end-bench.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.print("BENCH figures\n" + out);
    }
}
