package dev.wellplan.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 (zonky's binaries from Maven Central) on a given port, its data directory under a given
 * directory and kept across restarts. Creates the database {@value #DATABASE} if it is missing.
 *
 * <p>It listens on {@code 127.0.0.1} only. Layout under the directory: {@code data/} (the cluster) and
 * {@code postgres.log} (server output; errors are logged tersely, without DETAIL or the statement, so no row values
 * reach the log). The postmaster is stopped
 * when this JVM exits, and also when this JVM is SIGKILLed (a small watcher process holds a pipe to this JVM).
 *
 * <pre>{@code
 * PostgresServer pg = PostgresServer.start(tempDir, 0);
 * String url = pg.jdbcUrl();    // jdbc:postgresql://localhost:<port>/wellplan
 * pg.stop(); pg.start();        // same port, same data
 *
 * PostgresServer pg = PostgresServer.startTemporary();   // free port, temp dir deleted by close()
 * }</pre>
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "wellplan";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final String REAPER = String.join("\n",
            "while read -r _; do :; done",
            "[ -r \"$1\" ] || exit 0",
            "pid=$(head -n 1 \"$1\")",
            "case \"$pid\" in ''|*[!0-9]*) exit 0;; esac",
            "case \"$(readlink /proc/$pid/exe 2>/dev/null)\" in */bin/postgres) ;; *) exit 0;; esac",
            "kill -INT \"$pid\"");

    private final Path dir;
    private final int port;
    private boolean registerShutdownHook = true;
    private boolean deleteOnClose;
    private Thread shutdownHook;
    private volatile EmbeddedPostgres postgres;
    private volatile Process reaper;
    private final Map<String, String> extraSettings = new LinkedHashMap<>();

    /** A server under {@code dir} on {@code port} (0 = pick a free port now); call {@link #start()}. */
    public PostgresServer(Path dir, int port) {
        this.dir = dir.toAbsolutePath().normalize();
        this.port = Ports.orFree(port);
    }

    /** Builds and starts a server; returns when it accepts connections and {@value #DATABASE} exists. */
    public static PostgresServer start(Path dir, int port) {
        return new PostgresServer(dir, port).start();
    }

    /**
     * Starts a server on a free port in a new temporary directory, which {@link #close()} deletes (for tests, e.g.
     * a Quarkus test resource).
     */
    public static PostgresServer startTemporary() {
        Path dir = Dirs.createTemp("wellplan-postgres-");
        PostgresServer server = new PostgresServer(dir, 0);
        server.deleteOnClose = true;
        try {
            return server.start();
        } catch (RuntimeException e) {
            Dirs.deleteQuietly(dir);
            throw e;
        }
    }

    /** Whether a JVM shutdown hook stops the server (default true). The local stack orders shutdown itself. */
    public synchronized PostgresServer registerShutdownHook(boolean register) {
        this.registerShutdownHook = register;
        return this;
    }

    /**
     * A server setting passed on the command line at the next start, after the server's own (e.g.
     * {@code shared_preload_libraries} for a benchmark that reads {@code pg_stat_statements}).
     */
    public synchronized PostgresServer setting(String name, String value) {
        extraSettings.put(name, value);
        return this;
    }

    /** Starts the server (initdb on first use), creates the database if needed. No-op when running. */
    public synchronized PostgresServer start() {
        if (postgres != null) {
            return this;
        }
        try {
            Files.createDirectories(dataDirectory());
            ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile().toFile());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    .setServerConfig("listen_addresses", Ports.LOOPBACK) // nothing on the network reaches it
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("log_error_verbosity", "terse")
                    .setServerConfig("log_min_error_statement", "panic")
                    .setServerConfig("max_connections", "300");
            extraSettings.forEach(builder::setServerConfig);
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + dir + "; see " + logFile(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not start PostgreSQL in " + dir + ": " + e.getMessage()
                    + "; see " + logFile() + "\n" + ChildProcess.tail(logFile(), 20), e);
        }
        startReaper();
        if (registerShutdownHook && shutdownHook == null) {
            shutdownHook = new Thread(() -> {
                stopQuietly();
                if (deleteOnClose) {
                    Dirs.deleteQuietly(dir);
                }
            }, "postgres-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        createDatabase();
        return this;
    }

    private void createDatabase() {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("ALTER USER " + USER + " PASSWORD '" + PASSWORD + "'");
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, DATABASE);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + DATABASE + " on port " + port, e);
        }
    }

    private void startReaper() {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return;
        }
        List<String> command = new ArrayList<>();
        Stream.of("/usr/bin/setsid", "/bin/setsid").filter(p -> Files.isExecutable(Path.of(p))).findFirst()
                .ifPresent(command::add);
        command.addAll(List.of("/bin/sh", "-c", REAPER, "wellplan-postgres-reaper",
                dataDirectory().resolve("postmaster.pid").toString()));
        try {
            reaper = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            reaper = null; // best effort: the JVM shutdown hook still stops the server
        }
    }

    private void stopReaper() {
        Process r = reaper;
        reaper = null;
        if (r != null) {
            // closing the pipe lets it check once: the pid file is gone after a clean stop, so it just exits
            try (OutputStream lifeline = r.getOutputStream()) {
                lifeline.flush();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    /** {@code jdbc:postgresql://localhost:<port>/wellplan}. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** {@code jdbc:postgresql://localhost:<port>/<database>}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public String database() {
        return DATABASE;
    }

    /** A new connection to {@value #DATABASE}. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    public Path directory() {
        return dir;
    }

    /** The PostgreSQL cluster ({@code PGDATA}). */
    public Path dataDirectory() {
        return dir.resolve("data");
    }

    public Path logFile() {
        return dir.resolve("postgres.log");
    }

    public boolean isRunning() {
        return postgres != null;
    }

    /** The postmaster's pid, read from {@code postmaster.pid}; -1 when not running. */
    public long pid() {
        try {
            Path pidFile = dataDirectory().resolve("postmaster.pid");
            if (postgres == null || !Files.exists(pidFile)) {
                return -1;
            }
            return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Fast shutdown ({@code pg_ctl stop -m fast}); the data stays. */
    public synchronized void stop() {
        EmbeddedPostgres pg = postgres;
        if (pg != null) {
            long pid = pid();
            postgres = null;
            try {
                pg.close();
                // pg_ctl returns once postmaster.pid is gone; the process itself exits a moment later
                ProcessHandle.of(pid).ifPresent(h -> {
                    try {
                        h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception ignored) {
                        // reported by the next start if it matters
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop PostgreSQL; see " + logFile(), e);
            } finally {
                stopReaper();
            }
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // JVM is exiting
        }
    }

    /** Stops (if running) and starts again on the same port and data. */
    public synchronized PostgresServer restart() {
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

    @Override
    public String toString() {
        return "PostgresServer[" + jdbcUrl() + ", " + dir + "]";
    }
}
