package dev.wellplan.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One service JVM ({@code java <jvm options> -jar <quarkus-run.jar>}) with its configuration in environment
 * variables, its stdout/stderr appended to a log file, ready when {@code GET /q/health/ready} answers 200 on its
 * management interface (a port of its own: the public port serves no {@code /q/} route). It dies with the JVM that
 * started it, even when that JVM is SIGKILLed.
 */
public final class ServiceProcess implements AutoCloseable {

    /** How long {@link #stop()} waits after SIGTERM before SIGKILL. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final List<String> javaArgs;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path logFile;
    private volatile ChildProcess child;
    private volatile long startedNanos;
    private volatile Duration startupTime;
    private volatile boolean intentional;
    private volatile Consumer<ServiceProcess> onUnexpectedExit;

    /**
     * @param port           the public HTTP port ({@code QUARKUS_HTTP_PORT})
     * @param managementPort the management interface's port ({@code QUARKUS_MANAGEMENT_PORT}): health, metrics,
     *                       OpenAPI
     * @param javaArgs       everything after {@code java}, e.g. {@code [-Xmx512m, -jar, planner/.../quarkus-run.jar]}
     * @param environment    added to this JVM's environment for the child
     */
    public ServiceProcess(String name, int port, int managementPort, List<String> javaArgs,
            Map<String, String> environment, Path workDir, Path logFile) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.javaArgs = List.copyOf(javaArgs);
        this.environment = Map.copyOf(new LinkedHashMap<>(environment));
        this.workDir = workDir.toAbsolutePath();
        this.logFile = logFile.toAbsolutePath();
    }

    /** Called (on another thread) when the process exits without {@link #stop()} or {@link #kill()}. */
    public ServiceProcess onUnexpectedExit(Consumer<ServiceProcess> listener) {
        this.onUnexpectedExit = listener;
        return this;
    }

    /** Starts the process (does not wait for readiness). No-op when running. */
    public synchronized ServiceProcess start() {
        if (isRunning()) {
            return this;
        }
        intentional = false;
        startupTime = null;
        startedNanos = System.nanoTime();
        ChildProcess started = ChildProcess.startJava(name, javaArgs, environment, workDir, logFile);
        child = started;
        started.process().onExit().thenAccept(p -> {
            Consumer<ServiceProcess> listener = onUnexpectedExit;
            if (!intentional && child == started && listener != null) {
                listener.accept(this);
            }
        });
        return this;
    }

    /** True when {@code /q/health/ready} answers 200 right now on the management interface. */
    public boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(healthUrl()))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits until {@code /q/health/ready} answers 200 on the management interface.
     *
     * @throws IllegalStateException naming the service and its log file when it exits or the timeout passes
     */
    public ServiceProcess waitUntilReady(Duration timeout) {
        awaitReady(List.of(this), timeout);
        return this;
    }

    /** Waits until all of {@code services} are ready (polling them together); fails on the first that cannot be. */
    public static void awaitReady(Collection<ServiceProcess> services, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceProcess> pending = new ArrayList<>(services);
        while (!pending.isEmpty()) {
            for (ServiceProcess service : List.copyOf(pending)) {
                ChildProcess c = service.child;
                if (c == null) {
                    throw new IllegalStateException(service.name + " was not started");
                }
                if (service.isReady()) {
                    service.startupTime = Duration.ofNanos(System.nanoTime() - service.startedNanos);
                    pending.remove(service);
                } else if (!c.isAlive()) {
                    throw new IllegalStateException(service.name + " exited with code " + c.exitCode()
                            + " before it was ready on " + service.healthUrl() + ". Read its log: "
                            + service.logFile + "\n" + indent(c.tail(25)));
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                ServiceProcess first = pending.get(0);
                throw new IllegalStateException(first.name + " was not ready after " + timeout.toSeconds()
                        + " s (" + first.healthUrl() + " did not answer 200). Read its log: " + first.logFile
                        + "\n" + indent(first.child.tail(25)));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for services", e);
            }
        }
    }

    private static String indent(String text) {
        return text.isEmpty() ? "" : "    | " + text.replace("\n", "\n    | ");
    }

    public String name() {
        return name;
    }

    /**
     * From its last start to the first answer 200 from {@code /q/health/ready} that {@link #waitUntilReady} or
     * {@link #awaitReady} saw (they look every 100 ms); null until then.
     */
    public Duration startupTime() {
        return startupTime;
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:<port>}: the public API. */
    public String url() {
        return "http://localhost:" + port;
    }

    public int managementPort() {
        return managementPort;
    }

    /** {@code http://localhost:<management port>}: {@code /q/health}, {@code /q/metrics}, {@code /q/openapi}. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public String healthUrl() {
        return managementUrl() + "/q/health/ready";
    }

    public long pid() {
        ChildProcess c = child;
        if (c == null) {
            throw new IllegalStateException(name + " was not started");
        }
        return c.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /** The environment variables this service gets on top of the launcher's. */
    public Map<String, String> environment() {
        return environment;
    }

    public boolean isRunning() {
        ChildProcess c = child;
        return c != null && c.isAlive();
    }

    /** SIGTERM, then SIGKILL (whole process tree) after {@link #STOP_GRACE}. True when it stopped in time. */
    public synchronized boolean stop() {
        intentional = true;
        ChildProcess c = child;
        return c == null || c.stop(STOP_GRACE);
    }

    /** SIGKILL (whole process tree), as a crash would; waits until it is gone. */
    public synchronized void kill() {
        intentional = true;
        ChildProcess c = child;
        if (c != null) {
            c.kill();
        }
    }

    /** Stops (gracefully) if running, then starts again with the same port and configuration. */
    public synchronized ServiceProcess restart() {
        stop();
        return start();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + "[" + url() + (isRunning() ? ", pid " + pid() : ", stopped") + "]";
    }
}
