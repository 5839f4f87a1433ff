package dev.wellplan.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code wellplan up}: builds a {@link LocalStack} from the command line, starts it, prints where everything is and
 * runs until Ctrl-C or SIGTERM, which stop it in order.
 */
@Command(name = "up", sortOptions = false,
        description = "Start PostgreSQL, Kafka, the mail server, planner and notifier.",
        footer = {"", "Ctrl-C (or SIGTERM) stops everything: services, then Kafka, then PostgreSQL, then the mail "
                + "server. A restart keeps plans, events and schedules."})
final class UpCommand implements Callable<Integer> {

    static final String PLANNER_JAR = "planner/target/quarkus-app/quarkus-run.jar";
    static final String NOTIFIER_JAR = "notifier/target/quarkus-app/quarkus-run.jar";
    private static final int MAX_PORT = 65_535;
    private static final int MAX_TIMEOUT_SECONDS = 86_400;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Option(names = "--infra-only", description = "only PostgreSQL, Kafka and the mail server")
    boolean infraOnly;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "where all data and logs live (default: .wellplan/ at the repository root)")
    Path dataDir;

    @Option(names = "--fresh", description = "wipe the data directory first (plans, events, schedules, mail)")
    boolean fresh;

    @Option(names = "--speed", paramLabel = "N",
            description = "run the services' clock N times faster (WELLPLAN_CLOCK_SPEED=N)")
    String speed;

    @Option(names = "--pg-port", paramLabel = "N",
            description = "PostgreSQL port (default " + LocalStack.DEFAULT_PG_PORT + ")")
    Integer pgPort;

    @Option(names = "--kafka-port", paramLabel = "N",
            description = "Kafka port (default " + LocalStack.DEFAULT_KAFKA_PORT + ")")
    Integer kafkaPort;

    @Option(names = "--kafka-controller-port", paramLabel = "N",
            description = "Kafka KRaft controller port (default " + LocalStack.DEFAULT_KAFKA_CONTROLLER_PORT + ")")
    Integer kafkaControllerPort;

    @Option(names = "--smtp-port", paramLabel = "N",
            description = "SMTP port (default " + LocalStack.DEFAULT_SMTP_PORT + ")")
    Integer smtpPort;

    @Option(names = "--mail-port", paramLabel = "N",
            description = "mail web UI and JSON API port (default " + LocalStack.DEFAULT_MAIL_PORT + ")")
    Integer mailPort;

    @Option(names = "--mail-keep", paramLabel = "N",
            description = "how many e-mails the mail server keeps, the newest (default ${DEFAULT-VALUE})")
    int mailKeep = MailServer.DEFAULT_CAPACITY;

    @Option(names = "--planner-port", paramLabel = "N",
            description = "planner HTTP port (default " + LocalStack.DEFAULT_PLANNER_PORT + ")")
    Integer plannerPort;

    @Option(names = "--notifier-port", paramLabel = "N",
            description = "notifier HTTP port (default " + LocalStack.DEFAULT_NOTIFIER_PORT + ")")
    Integer notifierPort;

    @Option(names = "--planner-management-port", paramLabel = "N",
            description = "planner health, metrics and OpenAPI port (default "
                    + LocalStack.DEFAULT_PLANNER_MANAGEMENT_PORT + ")")
    Integer plannerManagementPort;

    @Option(names = "--notifier-management-port", paramLabel = "N",
            description = "notifier health, metrics and OpenAPI port (default "
                    + LocalStack.DEFAULT_NOTIFIER_MANAGEMENT_PORT + ")")
    Integer notifierManagementPort;

    @Option(names = "--free-ports", description = "pick free ports for everything (a port flag still wins)")
    boolean freePorts;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "how long to wait for Kafka and each service to be ready (default ${DEFAULT-VALUE})")
    int timeoutSeconds = 180;

    @Option(names = "--planner-jar", paramLabel = "PATH", description = "default: " + PLANNER_JAR)
    Path plannerJar;

    @Option(names = "--notifier-jar", paramLabel = "PATH", description = "default: " + NOTIFIER_JAR)
    Path notifierJar;

    @Override
    public Integer call() {
        LocalStack stack = builder().progress(System.out).build();
        AtomicBoolean stopRequested = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.set(true);
            stopOnSignal(stack);
        }, "wellplan-shutdown"));
        if (!started(stack, stopRequested)) {
            return 1;
        }
        stack.kafka().process().onExit().thenAccept(p -> {
            if (!stack.isClosed()) {
                System.out.println("wellplan: Kafka (pid " + p.pid() + ") exited unexpectedly; read its log: "
                        + stack.kafka().logFile());
            }
        });
        printReady(stack);
        try {
            new CountDownLatch(1).await(); // until Ctrl-C or SIGTERM: the shutdown hook stops the stack
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The stack as the options describe it; a bad value is a usage error (exit 2). */
    LocalStack.Builder builder() {
        validate();
        Path root = Path.of(System.getProperty("wellplan.root", ".")).toAbsolutePath().normalize();
        LocalStack.Builder b = LocalStack.builder()
                .dataDir(dataDir != null ? dataDir : root.resolve(".wellplan"))
                .plannerJar(plannerJar != null ? plannerJar : root.resolve(PLANNER_JAR))
                .notifierJar(notifierJar != null ? notifierJar : root.resolve(NOTIFIER_JAR))
                .infraOnly(infraOnly)
                .fresh(fresh)
                .clockSpeed(speed)
                .mailCapacity(mailKeep)
                .readyTimeout(Duration.ofSeconds(timeoutSeconds));
        if (freePorts) {
            b.freePorts();
        }
        // a port given by flag wins over --free-ports, wherever it stands on the line
        ifGiven(pgPort, b::pgPort);
        ifGiven(kafkaPort, b::kafkaPort);
        ifGiven(kafkaControllerPort, b::kafkaControllerPort);
        ifGiven(smtpPort, b::smtpPort);
        ifGiven(mailPort, b::mailPort);
        ifGiven(plannerPort, b::plannerPort);
        ifGiven(notifierPort, b::notifierPort);
        ifGiven(plannerManagementPort, b::plannerManagementPort);
        ifGiven(notifierManagementPort, b::notifierManagementPort);
        return b;
    }

    private void validate() {
        if (mailKeep < 1) {
            throw new ParameterException(spec.commandLine(), "--mail-keep needs a number of 1 or more, not " + mailKeep);
        }
        if (speed != null && !positiveNumber(speed)) {
            throw new ParameterException(spec.commandLine(), "--speed needs a positive number, not '" + speed + "'");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new ParameterException(spec.commandLine(), "--timeout needs a number from 1 to "
                    + MAX_TIMEOUT_SECONDS + ", not " + timeoutSeconds);
        }
        for (Integer port : new Integer[] {pgPort, kafkaPort, kafkaControllerPort, smtpPort, mailPort, plannerPort,
                notifierPort, plannerManagementPort, notifierManagementPort}) {
            if (port != null && (port < 0 || port > MAX_PORT)) {
                throw new ParameterException(spec.commandLine(), "a port is a number from 0 to " + MAX_PORT
                        + ", not " + port);
            }
        }
    }

    private static boolean positiveNumber(String text) {
        try {
            return Double.parseDouble(text) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void ifGiven(Integer port, IntConsumer setter) {
        if (port != null) {
            setter.accept(port);
        }
    }

    /** Starts the stack; on failure says why (unless Ctrl-C caused it) and stops what was started. */
    private static boolean started(LocalStack stack, AtomicBoolean stopRequested) {
        try {
            stack.start();
            return true;
        } catch (RuntimeException e) {
            if (!stopRequested.get()) {
                System.err.println("\nwellplan: could not start: " + e.getMessage());
            }
            try {
                stack.close();
            } catch (RuntimeException closing) {
                System.err.println("wellplan: while stopping: " + closing.getMessage());
            }
            return false;
        }
    }

    private static void stopOnSignal(LocalStack stack) {
        if (stack.isClosed()) {
            return;
        }
        System.out.println("wellplan: stopping");
        try {
            stack.close();
            System.out.println("wellplan: stopped");
        } catch (RuntimeException e) {
            System.err.println("wellplan: while stopping: " + e.getMessage());
        }
    }

    private void printReady(LocalStack stack) {
        double seconds = ProcessHandle.current().info().startInstant()
                .map(s -> Duration.between(s, Instant.now()).toMillis() / 1000.0)
                .orElse(stack.startupTime().toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "%nwellplan is up in %.1f s%s%n%s%nPress Ctrl-C to stop.%n", seconds,
                infraOnly ? " (infrastructure only)" : "", stack.summary());
        System.out.flush();
    }
}
