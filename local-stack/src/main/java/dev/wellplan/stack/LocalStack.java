package dev.wellplan.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The whole system on this machine, no Docker: a real PostgreSQL, a real Kafka broker (KRaft), a real SMTP server
 * with a mail UI, then the planner and notifier services, all data under one directory.
 *
 * <p>From the command line ({@code ./wellplan up}, see {@link #main}) or from a test:
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().dataDir(tempDir).freePorts()
 *         .plannerJar(planner).notifierJar(notifier).start()) {
 *     stack.plannerUrl(); stack.mailUrl(); stack.jdbcUrl();
 *     stack.planner().kill(); stack.planner().start().waitUntilReady(Duration.ofMinutes(1));
 *     stack.kafka().kill(); stack.kafka().start().waitUntilReady();
 * }
 * }</pre>
 * Start order: PostgreSQL and Kafka (its JVM boots while PostgreSQL starts), the mail server, then — once Kafka
 * answers — the services. Shutdown order: services, Kafka, PostgreSQL, mail. Every child process also dies when this JVM is SIGKILLed.
 */
public final class LocalStack implements AutoCloseable {

    public static final int DEFAULT_PG_PORT = 5432;
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_SMTP_PORT = 3025;
    public static final int DEFAULT_MAIL_PORT = 8025;
    public static final int DEFAULT_PLANNER_PORT = 8080;
    public static final int DEFAULT_NOTIFIER_PORT = 8081;

    static final String MARKER_FILE = ".wellplan-data";
    static final String LOCK_FILE = "stack.lock";

    private final Builder config;
    private final Path dataDir;
    private final PrintStream out;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private final Map<String, String> serviceEnvironment = new LinkedHashMap<>();
    private FileChannel lockChannel;
    private FileLock lock;
    private volatile PostgresServer postgres;
    private volatile KafkaBroker kafka;
    private volatile MailServer mail;
    private volatile ServiceProcess planner;
    private volatile ServiceProcess notifier;
    private volatile boolean closed;
    private volatile boolean started;
    private Duration startupTime = Duration.ZERO;

    private LocalStack(Builder config) {
        this.config = config.copy();
        this.dataDir = Objects.requireNonNull(config.dataDir, "dataDir").toAbsolutePath().normalize();
        this.out = config.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- starting

    /** Starts everything, in order, and waits until it is ready. On failure, stops what was started and throws. */
    public LocalStack start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        long t0 = System.nanoTime();
        try {
            doStart();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        startupTime = Duration.ofNanos(System.nanoTime() - t0);
        return this;
    }

    private void doStart() {
        Builder c = config;
        boolean withServices = !c.infraOnly;
        if (withServices) {
            requireFile(c.plannerJar, "planner");
            requireFile(c.notifierJar, "notifier");
        }
        lockDataDir();
        resolvePorts(c, withServices);
        prepareDataDir();
        progress("data directory %s", dataDir);

        long t = System.nanoTime();
        PostgresServer pg = new PostgresServer(dataDir.resolve("postgres"), c.pgPort).registerShutdownHook(false);
        adopt(() -> postgres = pg, pg::stop);
        KafkaBroker broker = new KafkaBroker(dataDir.resolve("kafka"), c.kafkaPort, c.kafkaControllerPort)
                .registerShutdownHook(false);
        adopt(() -> kafka = broker, broker::stop);
        // Kafka's JVM boots (and formats its log dir the first time) while PostgreSQL starts
        CompletableFuture<Void> kafkaStarted = CompletableFuture.runAsync(broker::start, runnable -> {
            Thread thread = new Thread(runnable, "kafka-start");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            pg.start();
            progress("  %-11s ready on port %d (%s)", "PostgreSQL", pg.port(), since(t));
        } finally {
            join(kafkaStarted);
        }
        progress("  %-11s started, pid %d", "Kafka", broker.pid());

        MailServer ms = MailServer.start(c.smtpPort, c.mailPort);
        adopt(() -> mail = ms, ms::stop);
        progress("  %-11s SMTP on port %d, web on %s", "mail", ms.smtpPort(), ms.url());

        broker.waitUntilReady(c.readyTimeout);
        progress("  %-11s ready on port %d (%s)", "Kafka", broker.port(), since(t));
        checkNotClosed();

        // the services' "local" profile: local-only users and secrets, and the only place (with tests) where
        // WELLPLAN_CLOCK_SPEED may speed up their clock
        serviceEnvironment.put("QUARKUS_PROFILE", "local");
        serviceEnvironment.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl());
        serviceEnvironment.put("QUARKUS_DATASOURCE_USERNAME", pg.user());
        serviceEnvironment.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
        serviceEnvironment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        serviceEnvironment.put("QUARKUS_MAILER_HOST", "localhost");
        serviceEnvironment.put("QUARKUS_MAILER_PORT", String.valueOf(ms.smtpPort()));
        if (c.clockSpeed != null) {
            serviceEnvironment.put("WELLPLAN_CLOCK_SPEED", c.clockSpeed);
            // one origin for both services, so their fast clocks agree on what time it is
            serviceEnvironment.put("WELLPLAN_CLOCK_ORIGIN", java.time.Instant.now().toString());
        }
        serviceEnvironment.putAll(c.serviceEnvironment);

        if (withServices) {
            t = System.nanoTime();
            planner = launchService("planner", c.plannerJar, c.plannerPort);
            notifier = launchService("notifier", c.notifierJar, c.notifierPort);
            progress("  %-11s started, pid %d, waiting for %s", "planner", planner.pid(), planner.healthUrl());
            progress("  %-11s started, pid %d, waiting for %s", "notifier", notifier.pid(), notifier.healthUrl());
            ServiceProcess.awaitReady(List.of(planner, notifier), c.readyTimeout);
            progress("  %-11s ready (%s)", "services", since(t));
        }
        checkNotClosed();
    }

    /**
     * Starts one more service process with the stack's configuration (e.g. a second planner instance, "planner-2"),
     * its log in {@code logs/<name>.log}. Does not wait for readiness. It is stopped by {@link #close()}.
     */
    public ServiceProcess launchService(String name, Path jar, int port) {
        requireFile(jar, name);
        int httpPort = Ports.orFree(port);
        Map<String, String> env = new LinkedHashMap<>(serviceEnvironment);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        List<String> args = new ArrayList<>(config.serviceJvmOptions);
        args.add("-jar");
        args.add(jar.toAbsolutePath().toString());
        ServiceProcess service = new ServiceProcess(name, httpPort, args, env, dataDir.resolve("run").resolve(name),
                dataDir.resolve("logs").resolve(name + ".log"));
        adopt(() -> services.add(service), service::stop);
        if (out != null) {
            service.onUnexpectedExit(s -> {
                if (!closed) {
                    progress("wellplan: %s (pid %d) exited unexpectedly; read its log: %s", s.name(), s.pid(),
                            s.logFile());
                }
            });
        }
        return service.start();
    }

    private static void join(CompletableFuture<Void> future) {
        try {
            future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Registers a component so close() stops it; if the stack is already closing, stops it and aborts. */
    private void adopt(Runnable register, Runnable stop) {
        synchronized (this) {
            if (!closed) {
                register.run();
                return;
            }
        }
        stop.run();
        throw new IllegalStateException("the local stack is shutting down");
    }

    private void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException("the local stack is shutting down");
        }
    }

    private static void requireFile(Path jar, String name) {
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("the " + name + " jar is missing: " + jar
                    + " (build it with `mvn -B -DskipTests install` at the repository root, or use --infra-only)");
        }
    }

    private static void resolvePorts(Builder c, boolean withServices) {
        record Wanted(String what, String flag, int port) {
        }
        List<Wanted> wanted = new ArrayList<>(List.of(
                new Wanted("PostgreSQL", "--pg-port", c.pgPort),
                new Wanted("Kafka", "--kafka-port", c.kafkaPort),
                new Wanted("Kafka controller", "--kafka-controller-port", c.kafkaControllerPort),
                new Wanted("SMTP", "--smtp-port", c.smtpPort),
                new Wanted("mail web UI/API", "--mail-port", c.mailPort)));
        if (withServices) {
            wanted.add(new Wanted("planner", "--planner-port", c.plannerPort));
            wanted.add(new Wanted("notifier", "--notifier-port", c.notifierPort));
        }
        List<String> problems = new ArrayList<>();
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (Wanted w : wanted) {
            if (w.port == 0) {
                continue;
            }
            String other = seen.putIfAbsent(w.port, w.what);
            if (other != null) {
                problems.add("port " + w.port + " is given to both " + other + " and " + w.what);
            } else if (!Ports.isFree(w.port)) {
                problems.add("port " + w.port + " (" + w.what + ") is already in use: stop what uses it or pass "
                        + w.flag + " <port>");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", problems)
                    + "\n(--free-ports picks free ports for everything)");
        }
        // free ports are picked together so that they are distinct
        int[] free = Ports.free(wanted.size());
        int i = 0;
        c.pgPort = c.pgPort != 0 ? c.pgPort : free[i++];
        c.kafkaPort = c.kafkaPort != 0 ? c.kafkaPort : free[i++];
        c.kafkaControllerPort = c.kafkaControllerPort != 0 ? c.kafkaControllerPort : free[i++];
        c.smtpPort = c.smtpPort != 0 ? c.smtpPort : free[i++];
        c.mailPort = c.mailPort != 0 ? c.mailPort : free[i++];
        if (withServices) {
            c.plannerPort = c.plannerPort != 0 ? c.plannerPort : free[i++];
            c.notifierPort = c.notifierPort != 0 ? c.notifierPort : free[i];
        }
    }

    /** Refuses a directory that is not ours, then takes the data directory's lock (one stack per directory). */
    private void lockDataDir() {
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(dataDir.resolve(MARKER_FILE))) {
                try (Stream<Path> entries = Files.list(dataDir)) {
                    boolean empty = entries.allMatch(p -> p.getFileName().toString().equals(LOCK_FILE));
                    if (!empty) {
                        throw new IllegalStateException(dataDir + " is not empty and is not a wellplan data directory"
                                + " (no " + MARKER_FILE + " in it); pick another --data-dir");
                    }
                }
            }
            lockChannel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
            if (lock == null) {
                lockChannel.close();
                lockChannel = null;
                throw new IllegalStateException("another wellplan stack is running with " + dataDir
                        + "; stop it first (or pass another --data-dir)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + dataDir, e);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            try {
                lockChannel.close();
            } catch (IOException ignored) {
                // best effort
            }
            lockChannel = null;
            throw new IllegalStateException("another wellplan stack in this JVM uses " + dataDir, e);
        }
    }

    private void prepareDataDir() {
        Path marker = dataDir.resolve(MARKER_FILE);
        try {
            if (config.fresh) {
                progress("wiping %s (--fresh)", dataDir);
                Dirs.empty(dataDir, Set.of(LOCK_FILE));
            }
            Files.writeString(marker, "wellplan local stack data (PostgreSQL, Kafka, logs); safe to delete when "
                    + "the stack is stopped\n", StandardCharsets.UTF_8);
            Files.createDirectories(dataDir.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + dataDir, e);
        }
    }

    // ---------------------------------------------------------------- stopping

    /** Stops everything: services, then Kafka, then PostgreSQL, then the mail server. Idempotent. */
    @Override
    public void close() {
        PostgresServer pg;
        KafkaBroker broker;
        MailServer ms;
        List<ServiceProcess> running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pg = postgres;
            broker = kafka;
            ms = mail;
            running = new ArrayList<>(services);
        }
        List<RuntimeException> failures = new ArrayList<>();
        // services stop in parallel: each may take a few seconds to drain
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceProcess service : running) {
            Thread stopper = new Thread(() -> {
                if (service.isRunning()) {
                    progress("  stopping %s", service.name());
                }
                service.stop();
            }, "stop-" + service.name());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (broker != null) {
            run(failures, () -> {
                if (broker.isRunning()) {
                    progress("  stopping Kafka");
                }
                broker.close();
            });
        }
        if (pg != null) {
            run(failures, () -> {
                if (pg.isRunning()) {
                    progress("  stopping PostgreSQL");
                }
                pg.close();
            });
        }
        if (ms != null) {
            run(failures, ms::stop);
        }
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // best effort
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void run(List<RuntimeException> failures, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    // ---------------------------------------------------------------- the handle

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public MailServer mail() {
        return mail;
    }

    /** The planner process (null with infra only). */
    public ServiceProcess planner() {
        return planner;
    }

    /** The notifier process (null with infra only). */
    public ServiceProcess notifier() {
        return notifier;
    }

    /** Every service process started by this stack, extra instances included. */
    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    public String plannerUrl() {
        return planner == null ? null : planner.url();
    }

    public String notifierUrl() {
        return notifier == null ? null : notifier.url();
    }

    /** The mail UI; the JSON is at {@code <mailUrl>/api/messages}. */
    public String mailUrl() {
        return mail.url();
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The environment given to every service process (without its QUARKUS_HTTP_PORT). */
    public Map<String, String> serviceEnvironment() {
        return Map.copyOf(serviceEnvironment);
    }

    /** How long {@link #start()} took. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The lines {@code ./wellplan up} prints once everything is ready. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        if (planner != null) {
            s.append(String.format("  %-11s %s%n", "planner", planner.url()));
            s.append(String.format("  %-11s %s%n", "notifier", notifier.url()));
        }
        s.append(String.format("  %-11s %s   (JSON: %s/api/messages, SMTP localhost:%d)%n", "mail UI", mail.url(),
                mail.url(), mail.smtpPort()));
        s.append(String.format("  %-11s %s   (user %s, password %s)%n", "PostgreSQL", postgres.jdbcUrl(),
                postgres.user(), postgres.password()));
        s.append(String.format("  %-11s %s%n", "Kafka", kafka.bootstrapServers()));
        s.append(String.format("  %-11s %s%n", "logs", dataDir.resolve("logs") + "  (Kafka: " + kafka.logFile()
                + ", PostgreSQL: " + postgres.logFile() + ")"));
        return s.toString();
    }

    private void progress(String format, Object... args) {
        if (out != null) {
            out.println(String.format(Locale.ROOT, format, args));
            out.flush();
        }
    }

    private static String since(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    // ---------------------------------------------------------------- builder

    /** Configuration of a {@link LocalStack}; ports default to the well-known ones, 0 = pick a free port. */
    public static final class Builder {
        private Path dataDir;
        private int pgPort = DEFAULT_PG_PORT;
        private int kafkaPort = DEFAULT_KAFKA_PORT;
        private int kafkaControllerPort = DEFAULT_KAFKA_CONTROLLER_PORT;
        private int smtpPort = DEFAULT_SMTP_PORT;
        private int mailPort = DEFAULT_MAIL_PORT;
        private int plannerPort = DEFAULT_PLANNER_PORT;
        private int notifierPort = DEFAULT_NOTIFIER_PORT;
        private Path plannerJar;
        private Path notifierJar;
        private boolean infraOnly;
        private boolean fresh;
        private String clockSpeed;
        private final Map<String, String> serviceEnvironment = new LinkedHashMap<>();
        private List<String> serviceJvmOptions = List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError");
        private Duration readyTimeout = Duration.ofMinutes(3);
        private PrintStream progress;

        private Builder() {
        }

        /** Where everything lives (PostgreSQL cluster, Kafka log dirs, logs). Required. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Picks free ports for everything (for tests). */
        public Builder freePorts() {
            pgPort = kafkaPort = kafkaControllerPort = smtpPort = mailPort = plannerPort = notifierPort = 0;
            return this;
        }

        public Builder pgPort(int port) {
            this.pgPort = port;
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder kafkaControllerPort(int port) {
            this.kafkaControllerPort = port;
            return this;
        }

        public Builder smtpPort(int port) {
            this.smtpPort = port;
            return this;
        }

        /** The mail web UI / JSON API port. */
        public Builder mailPort(int port) {
            this.mailPort = port;
            return this;
        }

        public Builder plannerPort(int port) {
            this.plannerPort = port;
            return this;
        }

        public Builder notifierPort(int port) {
            this.notifierPort = port;
            return this;
        }

        /** {@code planner/target/quarkus-app/quarkus-run.jar}. */
        public Builder plannerJar(Path jar) {
            this.plannerJar = jar;
            return this;
        }

        /** {@code notifier/target/quarkus-app/quarkus-run.jar}. */
        public Builder notifierJar(Path jar) {
            this.notifierJar = jar;
            return this;
        }

        /** Only PostgreSQL, Kafka and the mail server. */
        public Builder infraOnly(boolean infraOnly) {
            this.infraOnly = infraOnly;
            return this;
        }

        /** Wipes the data directory first. */
        public Builder fresh(boolean fresh) {
            this.fresh = fresh;
            return this;
        }

        /** Passed to both services as {@code WELLPLAN_CLOCK_SPEED}. */
        public Builder clockSpeed(String speed) {
            this.clockSpeed = speed;
            return this;
        }

        /** An extra environment variable for every service process (overrides the stack's own). */
        public Builder serviceEnv(String name, String value) {
            serviceEnvironment.put(name, value);
            return this;
        }

        /** JVM options of the service processes (default {@code -Xmx512m -XX:+ExitOnOutOfMemoryError}). */
        public Builder serviceJvmOptions(List<String> options) {
            this.serviceJvmOptions = List.copyOf(options);
            return this;
        }

        /** How long to wait for Kafka and for the services to be ready (default 3 min). */
        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        /** Where to print progress lines (default: nowhere). */
        public Builder progress(PrintStream out) {
            this.progress = out;
            return this;
        }

        /** The stack, not started yet. */
        public LocalStack build() {
            return new LocalStack(this);
        }

        /** Builds and starts the stack; returns when everything is ready. */
        public LocalStack start() {
            return build().start();
        }

        private Builder copy() {
            Builder b = new Builder();
            b.dataDir = dataDir;
            b.pgPort = pgPort;
            b.kafkaPort = kafkaPort;
            b.kafkaControllerPort = kafkaControllerPort;
            b.smtpPort = smtpPort;
            b.mailPort = mailPort;
            b.plannerPort = plannerPort;
            b.notifierPort = notifierPort;
            b.plannerJar = plannerJar;
            b.notifierJar = notifierJar;
            b.infraOnly = infraOnly || (plannerJar == null && notifierJar == null);
            b.fresh = fresh;
            b.clockSpeed = clockSpeed;
            b.serviceEnvironment.putAll(serviceEnvironment);
            b.serviceJvmOptions = serviceJvmOptions;
            b.readyTimeout = readyTimeout;
            b.progress = progress;
            return b;
        }
    }

    // ---------------------------------------------------------------- command line

    static final String USAGE = String.join("\n",
            "usage: wellplan up [options]       start PostgreSQL, Kafka, the mail server, planner and notifier",
            "       wellplan help               this text",
            "",
            "options of up:",
            "  --infra-only             only PostgreSQL, Kafka and the mail server",
            "  --data-dir DIR           where all data and logs live (default: .wellplan/ at the repository root)",
            "  --fresh                  wipe the data directory first (plans, events, schedules, mail)",
            "  --speed N                run the services' clock N times faster (WELLPLAN_CLOCK_SPEED=N)",
            "  --pg-port N              PostgreSQL port (default 5432)",
            "  --kafka-port N           Kafka port (default 9092)",
            "  --kafka-controller-port N  Kafka KRaft controller port (default 9093)",
            "  --smtp-port N            SMTP port (default 3025)",
            "  --mail-port N            mail web UI and JSON API port (default 8025)",
            "  --planner-port N         planner HTTP port (default 8080)",
            "  --notifier-port N        notifier HTTP port (default 8081)",
            "  --free-ports             pick free ports for everything",
            "  --timeout SECONDS        how long to wait for Kafka and each service to be ready (default 180)",
            "  --planner-jar PATH       default: planner/target/quarkus-app/quarkus-run.jar",
            "  --notifier-jar PATH      default: notifier/target/quarkus-app/quarkus-run.jar",
            "",
            "Ctrl-C (or SIGTERM) stops everything: services, then Kafka, then PostgreSQL, then the mail server.",
            "A restart keeps plans, events and schedules.");

    /** {@code up [options]} or {@code help}; see {@link #USAGE}. */
    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "dev/wellplan/stack/launcher-log4j2.xml");
        }
        // the launcher stops everything in its own hook; log4j needs none (and would warn when first used in it)
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        List<String> rest = new ArrayList<>(List.of(args));
        String command = rest.isEmpty() ? "help" : rest.remove(0);
        switch (command) {
            case "help", "-h", "--help" -> {
                System.out.println(USAGE);
                return;
            }
            case "up" -> {
            }
            default -> {
                System.err.println("wellplan: unknown command '" + command + "'\n" + USAGE);
                System.exit(2);
            }
        }
        Builder builder;
        try {
            builder = parse(rest);
        } catch (IllegalArgumentException e) {
            System.err.println("wellplan: " + e.getMessage() + "\n\n" + USAGE);
            System.exit(2);
            return;
        }
        LocalStack stack = builder.progress(System.out).build();
        java.util.concurrent.atomic.AtomicBoolean stopRequested = new java.util.concurrent.atomic.AtomicBoolean();
        Thread hook = new Thread(() -> {
            stopRequested.set(true);
            if (!stack.closed) {
                System.out.println("wellplan: stopping");
                try {
                    stack.close();
                    System.out.println("wellplan: stopped");
                } catch (RuntimeException e) {
                    System.err.println("wellplan: while stopping: " + e.getMessage());
                }
            }
        }, "wellplan-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (!stopRequested.get()) { // else: Ctrl-C during start-up, and the failure is just its consequence
                System.err.println("\nwellplan: could not start: " + e.getMessage());
            }
            try {
                stack.close();
            } catch (RuntimeException closing) {
                System.err.println("wellplan: while stopping: " + closing.getMessage());
            }
            System.exit(1);
            return;
        }
        stack.kafka().process().onExit().thenAccept(p -> {
            if (!stack.closed) {
                System.out.println("wellplan: Kafka (pid " + p.pid() + ") exited unexpectedly; read its log: "
                        + stack.kafka().logFile());
            }
        });
        double seconds = ProcessHandle.current().info().startInstant()
                .map(s -> Duration.between(s, Instant.now()).toMillis() / 1000.0)
                .orElse(stack.startupTime().toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "%nwellplan is up in %.1f s%s%n%s%nPress Ctrl-C to stop.%n", seconds,
                builder.infraOnly ? " (infrastructure only)" : "", stack.summary());
        System.out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Builder parse(List<String> args) {
        Path root = Path.of(System.getProperty("wellplan.root", ".")).toAbsolutePath().normalize();
        Builder b = builder()
                .dataDir(root.resolve(".wellplan"))
                .plannerJar(root.resolve("planner/target/quarkus-app/quarkus-run.jar"))
                .notifierJar(root.resolve("notifier/target/quarkus-app/quarkus-run.jar"));
        boolean freePorts = false;
        List<Runnable> portSetters = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--infra-only" -> b.infraOnly(true);
                case "--fresh" -> b.fresh(true);
                case "--free-ports" -> freePorts = true;
                case "--data-dir" -> b.dataDir(Path.of(value != null ? value : next(args, ++i, arg)));
                case "--planner-jar" -> b.plannerJar(Path.of(value != null ? value : next(args, ++i, arg)));
                case "--notifier-jar" -> b.notifierJar(Path.of(value != null ? value : next(args, ++i, arg)));
                case "--speed" -> {
                    String speed = value != null ? value : next(args, ++i, arg);
                    try {
                        if (!(Double.parseDouble(speed) > 0)) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--speed needs a positive number, not '" + speed + "'");
                    }
                    b.clockSpeed(speed);
                }
                case "--timeout" -> {
                    int seconds = number(value != null ? value : next(args, ++i, arg), arg, 1, 86_400);
                    b.readyTimeout(Duration.ofSeconds(seconds));
                }
                case "--pg-port", "--kafka-port", "--kafka-controller-port", "--smtp-port", "--mail-port",
                        "--planner-port", "--notifier-port" -> {
                    int port = number(value != null ? value : next(args, ++i, arg), arg, 0, 65_535);
                    String flag = arg;
                    portSetters.add(() -> {
                        switch (flag) {
                            case "--pg-port" -> b.pgPort(port);
                            case "--kafka-port" -> b.kafkaPort(port);
                            case "--kafka-controller-port" -> b.kafkaControllerPort(port);
                            case "--smtp-port" -> b.smtpPort(port);
                            case "--mail-port" -> b.mailPort(port);
                            case "--planner-port" -> b.plannerPort(port);
                            default -> b.notifierPort(port);
                        }
                    });
                }
                default -> throw new IllegalArgumentException("unknown option '" + args.get(i) + "'");
            }
        }
        if (freePorts) {
            b.freePorts();
        }
        portSetters.forEach(Runnable::run);
        return b;
    }

    private static String next(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args.get(i);
    }

    private static int number(String text, String flag, int min, int max) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number from " + min + " to " + max + ", not '"
                    + text + "'");
        }
    }
}
