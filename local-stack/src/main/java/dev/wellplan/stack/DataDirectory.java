package dev.wellplan.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where one stack keeps everything (PostgreSQL cluster, Kafka log dirs, logs). A marker file says the directory is
 * ours, so {@code --fresh} never wipes someone's home directory; a file lock keeps a second stack out of it.
 */
final class DataDirectory implements AutoCloseable {

    static final String MARKER_FILE = ".wellplan-data";
    static final String LOCK_FILE = "stack.lock";

    private final Path dir;
    private FileChannel lockChannel;
    private FileLock lock;

    DataDirectory(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path path() {
        return dir;
    }

    /** Refuses a directory that is not ours, then takes its lock (one stack per directory). */
    void lock() {
        try {
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve(MARKER_FILE)) && !emptyButTheLock()) {
                throw new IllegalStateException(dir + " is not empty and is not a wellplan data directory"
                        + " (no " + MARKER_FILE + " in it); pick another --data-dir");
            }
            lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
            if (lock == null) {
                close();
                throw new IllegalStateException("another wellplan stack is running with " + dir
                        + "; stop it first (or pass another --data-dir)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + dir, e);
        } catch (OverlappingFileLockException e) {
            close();
            throw new IllegalStateException("another wellplan stack in this JVM uses " + dir, e);
        }
    }

    private boolean emptyButTheLock() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.allMatch(p -> p.getFileName().toString().equals(LOCK_FILE));
        }
    }

    /** Wipes it first when {@code fresh} (keeping the lock we hold), marks it as ours and makes its logs folder. */
    void prepare(boolean fresh) {
        try {
            if (fresh) {
                Dirs.empty(dir, Set.of(LOCK_FILE));
            }
            Files.writeString(dir.resolve(MARKER_FILE), "wellplan local stack data (PostgreSQL, Kafka, logs); safe to "
                    + "delete when the stack is stopped\n", StandardCharsets.UTF_8);
            Files.createDirectories(dir.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + dir, e);
        }
    }

    /** Releases the lock; best effort, as the stack is stopping anyway. */
    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // best effort
        } finally {
            lock = null;
            lockChannel = null;
        }
    }
}
