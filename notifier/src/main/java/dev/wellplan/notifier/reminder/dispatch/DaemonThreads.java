package dev.wellplan.notifier.reminder.dispatch;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads for the dispatcher's parts: a thread dump shows which part waits, and none holds up exit. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Threads named {@code prefix1}, {@code prefix2}, ... (operations.md cites {@code reminder-sender-*}). */
    static ThreadFactory named(String prefix) {
        AtomicInteger threads = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
