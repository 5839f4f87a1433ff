package dev.wellplan.stack;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The whole system on this machine, no Docker: a real PostgreSQL, a real Kafka broker (KRaft), a real SMTP server
 * with a mail UI, then the planner and notifier services, all data under one directory.
 *
 * <p>From the command line ({@code ./wellplan up}, see {@link Launcher}) or from a test:
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().dataDir(tempDir).freePorts()
 *         .plannerJar(planner).notifierJar(notifier).start()) {
 *     stack.plannerUrl(); stack.mailUrl(); stack.jdbcUrl();
 *     stack.planner().kill(); stack.planner().start().waitUntilReady(Duration.ofMinutes(1));
 *     stack.kafka().kill(); stack.kafka().start().waitUntilReady();
 * }
 * }</pre>
 * Start order: PostgreSQL and Kafka (its JVM boots while PostgreSQL starts), the mail server, then — once Kafka
 * answers — the services. Shutdown order: services, Kafka, PostgreSQL, mail. Every child process also dies when this
 * JVM is SIGKILLed.
 */
public final class LocalStack implements AutoCloseable {

    public static final int DEFAULT_PG_PORT = 5432;
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_SMTP_PORT = 3025;
    public static final int DEFAULT_MAIL_PORT = 8025;
    public static final int DEFAULT_PLANNER_PORT = 8080;
    public static final int DEFAULT_NOTIFIER_PORT = 8081;
    public static final int DEFAULT_PLANNER_MANAGEMENT_PORT = 9080;
    public static final int DEFAULT_NOTIFIER_MANAGEMENT_PORT = 9081;

    /**
     * JVM options of the service processes unless the builder is given others. Serial GC and a 128 MB heap: a JFR
     * profile under the end-to-end load showed 30-35 MB live after each young collection, and G1's own structures
     * took about 44 MB of native memory; with G1 and {@code -Xmx512m} each service grew to 455-470 MB, with these
     * to about 305 MB at the same rate (BENCHMARKS.md, "Footprint").
     */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx128m",
            "-XX:+ExitOnOutOfMemoryError");

    /**
     * Extra JVM options of the service processes, after the stack's own (so a later {@code -Xmx} wins), split on
     * blanks: the system property {@value}, else the environment variable {@value #EXTRA_SERVICE_JVM_OPTIONS_ENV}.
     * E.g. {@code -XX:StartFlightRecording=filename=/tmp/jfr/{service}.jfr,settings=profile} for a JFR recording of
     * each service under its own name.
     */
    public static final String EXTRA_SERVICE_JVM_OPTIONS_PROPERTY = "wellplan.service-java-opts";
    public static final String EXTRA_SERVICE_JVM_OPTIONS_ENV = "WELLPLAN_SERVICE_JAVA_OPTS";
    /** In a service JVM option, stands for the service's name ({@code planner}, {@code notifier}, ...). */
    public static final String SERVICE_NAME_PLACEHOLDER = "{service}";

    private final Builder config;
    private final DataDirectory data;
    private final Path dataDir;
    private final PrintStream out;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private final Map<String, String> serviceEnvironment = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environmentOfService = new LinkedHashMap<>();
    private PortPlan ports;
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
        this.data = new DataDirectory(Objects.requireNonNull(config.dataDir, "dataDir"));
        this.dataDir = data.path();
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
            startAll();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        startupTime = Duration.ofNanos(System.nanoTime() - t0);
        return this;
    }

    private void startAll() {
        boolean withServices = !config.infraOnly;
        if (withServices) {
            requireFile(config.plannerJar, "planner");
            requireFile(config.notifierJar, "notifier");
        }
        data.lock();
        ports = config.requestedPorts().resolve(withServices);
        if (config.fresh) {
            progress("wiping %s (--fresh)", dataDir);
        }
        data.prepare(config.fresh);
        progress("data directory %s", dataDir);

        long t = System.nanoTime();
        startPostgresAndKafka(t);
        MailServer ms = MailServer.start(ports.smtp(), ports.mail(), config.mailCapacity);
        adopt(() -> mail = ms, ms::stop);
        progress("  %-11s SMTP on port %d, web on %s", "mail", ms.smtpPort(), ms.url());
        kafka.waitUntilReady(config.readyTimeout);
        progress("  %-11s ready on port %d (%s)", "Kafka", kafka.port(), since(t));
        checkNotClosed();

        serviceEnvironment.putAll(environment(postgres, kafka, ms));
        serviceEnvironment.putAll(config.serviceEnvironment);
        environmentOfService.putAll(tokenKeys(TokenKeys.inDirectory(dataDir.resolve("keys"))));
        if (withServices) {
            startServices();
        }
        checkNotClosed();
    }

    /** Kafka's JVM boots (and formats its log dir the first time) while PostgreSQL starts. */
    private void startPostgresAndKafka(long t) {
        PostgresServer pg = new PostgresServer(dataDir.resolve("postgres"), ports.postgres())
                .registerShutdownHook(false);
        config.postgresSettings.forEach(pg::setting);
        adopt(() -> postgres = pg, pg::stop);
        KafkaBroker broker = new KafkaBroker(dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController())
                .registerShutdownHook(false);
        adopt(() -> kafka = broker, broker::stop);
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
    }

    /**
     * The services' "local" profile: local-only users and secrets, and the only place (with tests) where
     * WELLPLAN_CLOCK_SPEED may speed up their clock.
     */
    private Map<String, String> environment(PostgresServer pg, KafkaBroker broker, MailServer ms) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_PROFILE", "local");
        // the services listen on this machine only, their management interfaces too
        env.put("QUARKUS_HTTP_HOST", Ports.LOOPBACK);
        env.put("QUARKUS_MANAGEMENT_HOST", Ports.LOOPBACK);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", pg.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("QUARKUS_MAILER_HOST", "localhost");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(ms.smtpPort()));
        // the links in e-mails lead to the ports the services really listen on (--free-ports, --planner-port)
        env.put("WELLPLAN_MAIL_PLANNER_BASE_URL", "http://localhost:" + ports.planner());
        env.put("WELLPLAN_MAIL_PUBLIC_BASE_URL", "http://localhost:" + ports.notifier());
        if (config.clockSpeed != null) {
            env.put("WELLPLAN_CLOCK_SPEED", config.clockSpeed);
            // one origin for both services, so their fast clocks agree on what time it is
            env.put("WELLPLAN_CLOCK_ORIGIN", Instant.now().toString());
        }
        return env;
    }

    /**
     * The access tokens' keys, each to the service that needs it: the private key to the planner, which signs, and
     * the public key to the notifier, which checks. Kept in the data directory, so a restart keeps them.
     */
    private static Map<String, Map<String, String>> tokenKeys(TokenKeys keys) {
        return Map.of("planner", Map.of("WELLPLAN_TOKENS_SIGN_KEY", keys.privateKeyPem()),
                "notifier", Map.of("QUARKUS_OIDC_PUBLIC_KEY", keys.publicKeyPem()));
    }

    private void startServices() {
        long t = System.nanoTime();
        planner = launchService("planner", config.plannerJar, ports.planner(), ports.plannerManagement());
        notifier = launchService("notifier", config.notifierJar, ports.notifier(), ports.notifierManagement());
        progress("  %-11s started, pid %d, waiting for %s", "planner", planner.pid(), planner.healthUrl());
        progress("  %-11s started, pid %d, waiting for %s", "notifier", notifier.pid(), notifier.healthUrl());
        ServiceProcess.awaitReady(List.of(planner, notifier), config.readyTimeout);
        progress("  %-11s ready (%s)", "services", since(t));
    }

    /**
     * Starts one more service process with the stack's configuration (e.g. a second planner instance, "planner-2"),
     * on {@code port} (0 = a free one) and a free management port, its log in {@code logs/<name>.log}. Does not wait
     * for readiness. It is stopped by {@link #close()}. A name that begins with {@code planner} or {@code notifier}
     * also gets that service's own keys.
     */
    public ServiceProcess launchService(String name, Path jar, int port) {
        return launchService(name, jar, port, 0);
    }

    /** As {@link #launchService(String, Path, int)}, with the management interface on {@code managementPort}. */
    public ServiceProcess launchService(String name, Path jar, int port, int managementPort) {
        requireFile(jar, name);
        int httpPort = Ports.orFree(port);
        int mgmtPort = managementPort != 0 ? managementPort : freeOtherThan(httpPort);
        Map<String, String> env = new LinkedHashMap<>();
        environmentOfService.forEach((service, own) -> {
            if (name.startsWith(service)) {
                env.putAll(own);
            }
        });
        env.putAll(serviceEnvironment);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(mgmtPort));
        // its own pages, by either name of this machine, may send it JSON changes (JsonRequestGuard)
        env.put("WELLPLAN_HTTP_ALLOWED_ORIGINS", "http://localhost:" + httpPort + ",http://" + Ports.LOOPBACK + ":"
                + httpPort);
        List<String> args = new ArrayList<>();
        for (String option : config.serviceJvmOptions) {
            args.add(option.replace(SERVICE_NAME_PLACEHOLDER, name));
        }
        args.add("-jar");
        args.add(jar.toAbsolutePath().toString());
        ServiceProcess service = new ServiceProcess(name, httpPort, mgmtPort, args, env,
                dataDir.resolve("run").resolve(name), dataDir.resolve("logs").resolve(name + ".log"));
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

    /** A free port that is not {@code taken} (which may be free too, but is promised to another listener). */
    private static int freeOtherThan(int taken) {
        for (int port : Ports.free(2)) {
            if (port != taken) {
                return port;
            }
        }
        throw new IllegalStateException("no free port besides " + taken);
    }

    private static void join(CompletableFuture<Void> future) {
        try {
            future.join();
        } catch (CompletionException e) {
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
        stopServices(running);
        List<RuntimeException> failures = new ArrayList<>();
        if (broker != null) {
            stop(failures, "Kafka", broker::isRunning, broker::close);
        }
        if (pg != null) {
            stop(failures, "PostgreSQL", pg::isRunning, pg::close);
        }
        if (ms != null) {
            stop(failures, null, () -> false, ms::stop);
        }
        data.close();
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    /** Services stop in parallel: each may take a few seconds to drain. */
    private void stopServices(List<ServiceProcess> running) {
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
    }

    /** Stops one server, saying so when it was running; a failure is kept so the others still stop. */
    private void stop(List<RuntimeException> failures, String name, BooleanSupplier running, Runnable stop) {
        try {
            if (running.getAsBoolean()) {
                progress("  stopping %s", name);
            }
            stop.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    /** True once {@link #close()} has begun. */
    boolean isClosed() {
        return closed;
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

    /** The environment given to every service process (without its ports, its allowed origins and its own keys). */
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
            for (ServiceProcess service : List.of(planner, notifier)) {
                s.append(String.format("  %-11s %s   (health, metrics, OpenAPI: %s/q/...)%n", service.name(),
                        service.url(), service.managementUrl()));
            }
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
        private int plannerManagementPort = DEFAULT_PLANNER_MANAGEMENT_PORT;
        private int notifierManagementPort = DEFAULT_NOTIFIER_MANAGEMENT_PORT;
        private Path plannerJar;
        private Path notifierJar;
        private boolean infraOnly;
        private boolean fresh;
        private String clockSpeed;
        private int mailCapacity = MailServer.DEFAULT_CAPACITY;
        private final Map<String, String> serviceEnvironment = new LinkedHashMap<>();
        private final Map<String, String> postgresSettings = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environmentOfService = new LinkedHashMap<>();
        private List<String> serviceJvmOptions = withExtraOptions(DEFAULT_SERVICE_JVM_OPTIONS);
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
            plannerManagementPort = notifierManagementPort = 0;
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

        /** The planner's management interface: health, metrics, OpenAPI. */
        public Builder plannerManagementPort(int port) {
            this.plannerManagementPort = port;
            return this;
        }

        /** The notifier's management interface: health, metrics, OpenAPI. */
        public Builder notifierManagementPort(int port) {
            this.notifierManagementPort = port;
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

        /**
         * JVM options of the service processes (default {@link LocalStack#DEFAULT_SERVICE_JVM_OPTIONS}), followed by
         * the extra ones of {@value LocalStack#EXTRA_SERVICE_JVM_OPTIONS_PROPERTY} or
         * {@value LocalStack#EXTRA_SERVICE_JVM_OPTIONS_ENV}.
         */
        public Builder serviceJvmOptions(List<String> options) {
            this.serviceJvmOptions = withExtraOptions(options);
            return this;
        }

        private static List<String> withExtraOptions(List<String> options) {
            String extra = System.getProperty(EXTRA_SERVICE_JVM_OPTIONS_PROPERTY,
                    Objects.requireNonNullElse(System.getenv(EXTRA_SERVICE_JVM_OPTIONS_ENV), ""));
            List<String> all = new ArrayList<>(options);
            for (String option : extra.trim().split("\\s+")) {
                if (!option.isEmpty()) {
                    all.add(option);
                }
            }
            return List.copyOf(all);
        }

        /** An extra PostgreSQL server setting (e.g. for a benchmark's statement statistics). */
        public Builder postgresSetting(String name, String value) {
            postgresSettings.put(name, value);
            return this;
        }

        /** How many messages the mail server keeps, the newest (default {@value MailServer#DEFAULT_CAPACITY}). */
        public Builder mailCapacity(int messages) {
            this.mailCapacity = messages;
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

        /** The ports as asked for; 0 = any free port. */
        PortPlan requestedPorts() {
            return new PortPlan(pgPort, kafkaPort, kafkaControllerPort, smtpPort, mailPort, plannerPort, notifierPort,
                    plannerManagementPort, notifierManagementPort);
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
            b.plannerManagementPort = plannerManagementPort;
            b.notifierManagementPort = notifierManagementPort;
            b.plannerJar = plannerJar;
            b.notifierJar = notifierJar;
            b.infraOnly = infraOnly || (plannerJar == null && notifierJar == null);
            b.fresh = fresh;
            b.clockSpeed = clockSpeed;
            b.mailCapacity = mailCapacity;
            b.serviceEnvironment.putAll(serviceEnvironment);
            b.postgresSettings.putAll(postgresSettings);
            b.serviceJvmOptions = serviceJvmOptions;
            b.readyTimeout = readyTimeout;
            b.progress = progress;
            return b;
        }
    }
}
