package dev.wellplan.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A child JVM that cannot outlive the JVM that started it.
 *
 * <p>The child is started as {@code setsid sh -c REAPER ... java ...}: the shell starts a tiny watcher in the
 * background that blocks reading a pipe whose only writer is this JVM, then {@code exec}s java (so {@link #pid()}
 * is the java process). When this JVM dies for any reason, SIGKILL included, the kernel closes the pipe, the
 * watcher wakes up and stops the child (SIGTERM, then SIGKILL after 30 s). The watcher only signals a process
 * whose command line still carries this child's unique marker, so a recycled pid is never hit. {@code setsid}
 * puts the child in its own session, so a Ctrl-C in the terminal reaches only the launcher, which stops the
 * children in order.
 */
final class ChildProcess {

    static final String MARKER_PROPERTY = "wellplan.child";

    private static final String REAPER = String.join("\n",
            "self=$$",
            "marker=$1",
            "shift",
            "exec 3<&0",
            "(",
            "  trap '' INT TERM HUP",
            "  while read -r _ <&3; do :; done",
            "  alive() { [ -r /proc/$self/cmdline ] && tr '\\000' '\\n' </proc/$self/cmdline 2>/dev/null | grep -qxF -- \"-D" + MARKER_PROPERTY + "=$marker\"; }",
            "  if alive; then",
            "    kill -TERM $self 2>/dev/null",
            "    i=0",
            "    while [ $i -lt 150 ] && alive; do sleep 0.2; i=$((i+1)); done",
            "    alive && kill -KILL $self 2>/dev/null",
            "  fi",
            ") </dev/null >/dev/null 2>&1 &",
            "exec \"$@\" </dev/null 3<&-");

    private static final boolean REAPER_AVAILABLE =
            Files.isExecutable(Path.of("/bin/sh")) && Files.isDirectory(Path.of("/proc/self"));
    private static final String SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final OutputStream lifeline;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.lifeline = process.getOutputStream();
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * Starts {@code java <javaArgs>} with the given extra environment, stdout and stderr appended to
     * {@code logFile}.
     */
    static ChildProcess startJava(String name, List<String> javaArgs, Map<String, String> env, Path workDir,
            Path logFile) {
        String marker = name + "-" + UUID.randomUUID();
        List<String> command = new ArrayList<>();
        if (REAPER_AVAILABLE) {
            if (SETSID != null) {
                command.add(SETSID);
            }
            command.addAll(List.of("/bin/sh", "-c", REAPER, "wellplan-" + name, marker));
        }
        command.add(javaExecutable().toString());
        command.add("-D" + MARKER_PROPERTY + "=" + marker);
        command.addAll(javaArgs);
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile, "---- " + java.time.Instant.now() + " starting " + name + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            return new ChildProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL the process and whatever it started. */
    boolean stop(Duration grace) {
        List<ProcessHandle> tree = descendants();
        if (process.isAlive()) {
            process.destroy();
        }
        boolean graceful = waitFor(grace);
        if (!graceful) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
        release(tree);
        return graceful;
    }

    /** SIGKILL the process and whatever it started, and wait until it is gone. */
    void kill() {
        List<ProcessHandle> tree = descendants();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        waitFor(Duration.ofSeconds(10));
        release(tree);
    }

    private List<ProcessHandle> descendants() {
        try {
            return process.descendants().collect(Collectors.toList());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Closes the lifeline (the watcher then exits by itself) and makes sure nothing of the tree is left. */
    private void release(List<ProcessHandle> tree) {
        try {
            lifeline.close();
        } catch (IOException ignored) {
            // already closed
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (ProcessHandle handle : tree) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** The last {@code lines} lines of the log file (for error messages). */
    String tail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            byte[] bytes;
            try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
                long size = channel.size();
                int want = (int) Math.min(size, 64 * 1024);
                channel.position(size - want);
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(want);
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // keep reading
                }
                bytes = buffer.array();
            }
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\\R");
            int from = Math.max(0, all.length - lines);
            return String.join("\n", java.util.Arrays.asList(all).subList(from, all.length));
        } catch (IOException e) {
            return "";
        }
    }
}
