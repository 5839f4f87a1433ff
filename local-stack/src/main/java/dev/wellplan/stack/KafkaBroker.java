package dev.wellplan.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker + controller, node id 1), run as a child JVM
 * ({@code java -cp <kafka jars> kafka.Kafka server.properties}, after {@code kafka.tools.StorageTool format} when
 * the log directory is not formatted yet).
 *
 * <p>Everything lives under one directory: {@code server.properties}, {@code log4j2.xml}, the log dirs in
 * {@code data/}, and the broker's output in {@code kafka.log}. The ports are fixed when the object is built (0 picks
 * a free one), so {@link #kill()} + {@link #start()} (or {@link #restart()}) brings the same broker back on the
 * same port with its data. The child dies with this JVM, even when this JVM is SIGKILLed.
 *
 * <pre>{@code
 * KafkaBroker kafka = KafkaBroker.start(tempDir, 0, 0).waitUntilReady(Duration.ofSeconds(60));
 * String bootstrap = kafka.bootstrapServers();   // "localhost:<port>"
 * kafka.kill(); kafka.start().waitUntilReady(Duration.ofSeconds(60));
 * kafka.stop();
 *
 * KafkaBroker kafka = KafkaBroker.startTemporary().waitUntilReady();   // free ports, temp dir deleted by close()
 * }</pre>
 */
public final class KafkaBroker implements AutoCloseable {

    /** Default ready timeout used by {@link #waitUntilReady()}. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(90);
    /** How long {@link #stop()} waits for a controlled shutdown before SIGKILL. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private static final String CLASSPATH_RESOURCE = "/dev/wellplan/stack/kafka-classpath.txt";

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>(List.of(
            "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true"));
    private boolean registerShutdownHook = true;
    private boolean deleteOnClose;
    private Thread shutdownHook;
    private volatile ChildProcess child;

    /** A broker under {@code dir} on free ports; call {@link #start()}. */
    public KafkaBroker(Path dir) {
        this(dir, 0, 0);
    }

    /** A broker under {@code dir}; {@code port} / {@code controllerPort} 0 = pick a free port now. */
    public KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir.toAbsolutePath().normalize();
        int p = port;
        int c = controllerPort;
        if (p == 0 || c == 0) {
            for (int candidate : Ports.free(3)) {
                if (p == 0 && candidate != c) {
                    p = candidate;
                } else if (c == 0 && candidate != p) {
                    c = candidate;
                }
            }
        }
        this.port = p;
        this.controllerPort = c;
        if (this.port == this.controllerPort) {
            throw new IllegalArgumentException("Kafka port and controller port must differ: " + port);
        }
    }

    /** Builds and starts a broker (does not wait: call {@link #waitUntilReady(Duration)}). */
    public static KafkaBroker start(Path dir, int port, int controllerPort) {
        return new KafkaBroker(dir, port, controllerPort).start();
    }

    /**
     * Starts a broker on free ports in a new temporary directory, which {@link #close()} deletes (for tests, e.g. a
     * Quarkus test resource). Does not wait: call {@link #waitUntilReady()}.
     */
    public static KafkaBroker startTemporary() {
        Path dir = Dirs.createTemp("wellplan-kafka-");
        KafkaBroker broker = new KafkaBroker(dir);
        broker.deleteOnClose = true;
        try {
            return broker.start();
        } catch (RuntimeException e) {
            Dirs.deleteQuietly(dir);
            throw e;
        }
    }

    /** Overrides a {@code server.properties} entry; takes effect at the next {@link #start()}. */
    public synchronized KafkaBroker property(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    /**
     * Replaces the child JVM options (default {@code -Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 ...}:
     * a small heap, and C1 only, which halves start-up CPU on a small machine; plenty for a local broker).
     */
    public synchronized KafkaBroker jvmOptions(List<String> options) {
        jvmOptions.clear();
        jvmOptions.addAll(options);
        return this;
    }

    /** Whether a JVM shutdown hook stops the broker (default true). The local stack orders shutdown itself. */
    public synchronized KafkaBroker registerShutdownHook(boolean register) {
        this.registerShutdownHook = register;
        return this;
    }

    /** Formats the log directory if needed and starts the broker process. No-op when already running. */
    public synchronized KafkaBroker start() {
        if (isRunning()) {
            return this;
        }
        try {
            Files.createDirectories(dataDir());
            writeConfig();
            String classpath = classpath();
            if (!Files.exists(dataDir().resolve("meta.properties"))) {
                format(classpath);
            }
            List<String> args = new ArrayList<>(jvmOptions);
            args.add("-Dlog4j2.configurationFile=" + dir.resolve("log4j2.xml"));
            args.add("-Dkafka.logs.dir=" + dir.resolve("logs"));
            args.add("-cp");
            args.add(classpath);
            args.add("kafka.Kafka");
            args.add(serverProperties().toString());
            child = ChildProcess.startJava("kafka", args, Map.of(), dir, logFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Kafka in " + dir, e);
        }
        if (registerShutdownHook && shutdownHook == null) {
            shutdownHook = new Thread(() -> {
                ChildProcess c = child;
                if (c != null && c.isAlive()) {
                    c.stop(Duration.ofSeconds(10));
                }
                if (deleteOnClose) {
                    Dirs.deleteQuietly(dir);
                }
            }, "kafka-broker-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        return this;
    }

    /** Waits until the broker answers a describeCluster with itself, for at most {@link #DEFAULT_READY_TIMEOUT}. */
    public KafkaBroker waitUntilReady() {
        return waitUntilReady(DEFAULT_READY_TIMEOUT);
    }

    /**
     * Waits until the broker answers an AdminClient describeCluster listing itself.
     *
     * @throws IllegalStateException when the process exits or the timeout passes (with the log file's tail)
     */
    public KafkaBroker waitUntilReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ChildProcess c = requireStarted();
        while (!Ports.isListening(port)) {
            checkAliveAndTime(c, deadline, timeout);
            pause(100);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "wellplan-local-stack-readiness");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "200");
        // Kafka's clients load classes through the context class loader; under a Quarkus test resource that is
        // Quarkus's, which hands back classes of another loader
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaBroker.class.getClassLoader());
        try (Admin admin = Admin.create(props)) {
            thread.setContextClassLoader(previous);
            while (true) {
                checkAliveAndTime(c, deadline, timeout);
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return this;
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for Kafka", e);
                    }
                    // not ready yet
                }
                pause(200);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void checkAliveAndTime(ChildProcess c, long deadline, Duration timeout) {
        if (!c.isAlive()) {
            throw new IllegalStateException("Kafka exited with code " + c.exitCode() + " before it was ready; see "
                    + logFile() + "\n" + c.tail(30));
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Kafka was not ready on " + bootstrapServers() + " after "
                    + timeout.toSeconds() + " s; see " + logFile() + "\n" + c.tail(30));
        }
    }

    /** The child's pid. */
    public long pid() {
        return requireStarted().pid();
    }

    /** The child's process handle, e.g. to check {@code ps} figures. */
    public Process process() {
        return requireStarted().process();
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** {@code localhost:<port>}. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public Path directory() {
        return dir;
    }

    /** Where the broker's stdout/stderr (its log4j2 console output) goes. */
    public Path logFile() {
        return dir.resolve("kafka.log");
    }

    public boolean isRunning() {
        ChildProcess c = child;
        return c != null && c.isAlive();
    }

    /** Controlled shutdown (SIGTERM); SIGKILL after {@link #STOP_GRACE}. Returns true when it was graceful. */
    public synchronized boolean stop() {
        ChildProcess c = child;
        if (c == null) {
            return true;
        }
        return c.stop(STOP_GRACE);
    }

    /** SIGKILL, as a crash would; waits until the process is gone. */
    public synchronized void kill() {
        ChildProcess c = child;
        if (c != null) {
            c.kill();
        }
    }

    /** Stops (gracefully) if running, then starts again on the same directory and ports. */
    public synchronized KafkaBroker restart() {
        stop();
        return start();
    }

    @Override
    public synchronized void close() {
        stop();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
            shutdownHook = null;
        }
        if (deleteOnClose) {
            Dirs.deleteQuietly(dir);
        }
    }

    private ChildProcess requireStarted() {
        ChildProcess c = child;
        if (c == null) {
            throw new IllegalStateException("Kafka was not started");
        }
        return c;
    }

    private Path dataDir() {
        return dir.resolve("data");
    }

    private Path serverProperties() {
        return dir.resolve("server.properties");
    }

    private void writeConfig() throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        // both listeners on the loopback interface only: nothing on the network reaches this machine's broker
        p.put("controller.quorum.voters", "1@" + Ports.LOOPBACK + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port + ",CONTROLLER://" + Ports.LOOPBACK + ":"
                + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir().toString());
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.retention.hours", "168");
        p.putAll(overrides);
        StringBuilder text = new StringBuilder("# written by dev.wellplan.stack.KafkaBroker at every start\n");
        p.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(serverProperties(), text, StandardCharsets.UTF_8);
        try (InputStream in = KafkaBroker.class.getResourceAsStream("kafka-log4j2.xml")) {
            if (in == null) {
                throw new IOException("kafka-log4j2.xml missing from the local-stack jar");
            }
            Files.write(dir.resolve("log4j2.xml"), in.readAllBytes());
        }
    }

    private void format(String classpath) throws IOException {
        Path formatLog = dir.resolve("kafka-format.log");
        List<String> command = List.of(ChildProcess.javaExecutable().toString(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.xml"),
                "-cp", classpath, "kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", serverProperties().toString(), "--ignore-formatted");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(formatLog.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka log dir timed out; see " + formatLog);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka log dir", e);
        }
        if (process.exitValue() != 0 || !Files.exists(dataDir().resolve("meta.properties"))) {
            throw new IllegalStateException("kafka.tools.StorageTool format failed (exit " + process.exitValue()
                    + "); see " + formatLog + "\n" + ChildProcess.tail(formatLog, 30));
        }
    }

    // ---------------------------------------------------------------- the broker's classpath

    private static volatile String cachedClasspath;

    /**
     * The Kafka broker classpath: the entries of {@code kafka-classpath.txt} (generated at build time from this
     * module's runtime dependencies, as absolute paths in the local Maven repository); an entry that no longer exists
     * there is looked up by file name in {@code lib/} beside the local-stack jar and on this JVM's class path
     * (manifest {@code Class-Path} entries included, as surefire and {@code java -jar} use them).
     */
    static String classpath() {
        String cp = cachedClasspath;
        if (cp == null) {
            cp = String.join(java.io.File.pathSeparator, resolveClasspath());
            cachedClasspath = cp;
        }
        return cp;
    }

    private static List<String> resolveClasspath() {
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path entry : jvmClasspath()) {
            byName.putIfAbsent(entry.getFileName().toString(), entry);
        }
        Path libDir = ownLocation().map(p -> p.getParent().resolve("lib")).orElse(null);
        List<String> wanted = new ArrayList<>();
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in != null) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                for (String entry : text.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
                    if (!entry.isBlank()) {
                        wanted.add(entry.trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (wanted.isEmpty()) {
            // not built by Maven (e.g. an IDE): use this JVM's class path as it is
            return jvmClasspath().stream().map(Path::toString).toList();
        }
        List<String> result = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String entry : wanted) {
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            if (Files.isRegularFile(path)) {
                result.add(path.toString());
            } else if (libDir != null && Files.isRegularFile(libDir.resolve(name))) {
                result.add(libDir.resolve(name).toString());
            } else if (byName.containsKey(name)) {
                result.add(byName.get(name).toString());
            } else {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Kafka broker jars not found (run `mvn -B -DskipTests install` in the "
                    + "repository to fetch them): " + missing);
        }
        return result;
    }

    private static java.util.Optional<Path> ownLocation() {
        try {
            CodeSource source = KafkaBroker.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return java.util.Optional.empty();
            }
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) ? java.util.Optional.of(path) : java.util.Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** java.class.path, with the Class-Path of manifest-only jars (surefire, java -jar) expanded. */
    static List<Path> jvmClasspath() {
        Set<Path> result = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                addWithManifest(Path.of(entry).toAbsolutePath().normalize(), result, 0);
            }
        }
        return new ArrayList<>(result);
    }

    private static void addWithManifest(Path entry, Set<Path> result, int depth) {
        if (!result.add(entry) || depth > 2 || !Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String cp = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (cp == null) {
                return;
            }
            for (String item : cp.trim().split("\\s+")) {
                try {
                    URL url = entry.getParent().toUri().toURL();
                    URI resolved = new URL(url, item).toURI();
                    if ("file".equals(resolved.getScheme())) {
                        addWithManifest(Path.of(resolved).normalize(), result, depth + 1);
                    }
                } catch (Exception ignored) {
                    // skip malformed entries
                }
            }
        } catch (IOException ignored) {
            // not a jar
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", controller " + controllerPort + ", " + dir + "]";
    }
}
