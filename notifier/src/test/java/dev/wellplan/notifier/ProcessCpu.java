package dev.wellplan.notifier;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jdbi.v3.core.Jdbi;

/**
 * CPU time used so far, for the benchmarks' "CPU per reminder / per event" figures: this JVM (and, by thread name, its
 * parts: the notifier's own threads, the SMTP server's, the rest), the PostgreSQL server (the postmaster and every
 * backend) and the Kafka broker (a child process of this JVM). A snapshot minus an earlier one is what a phase used;
 * CPU time swings much less than throughput on a shared machine.
 */
public record ProcessCpu(double jvmMillis, Map<String, Double> threadMillis, double postgresMillis,
                         double kafkaMillis) {

    /** Now, with this JVM's threads grouped by {@link #part}. */
    public static ProcessCpu now(Jdbi jdbi) {
        return now(jdbi, ProcessCpu::part);
    }

    /**
     * Which part of the test JVM a thread works for, by its name: the dispatcher's own threads
     * ({@code reminder-*}), Quartz's, the SMTP server's (GreenMail, {@code smtp:*}), the Kafka clients', the workers
     * that run the consumer and the HTTP routes, the test itself ({@code main}), and the rest.
     */
    public static String part(String thread) {
        if (thread.startsWith("reminder-")) {
            return "dispatcher";
        }
        if (thread.toLowerCase(Locale.ROOT).contains("quartz")) {
            return "Quartz";
        }
        if (thread.startsWith("smtp")) {
            return "SMTP server";
        }
        if (thread.contains("kafka")) {
            return "Kafka clients";
        }
        if (thread.startsWith("vert.x-worker") || thread.startsWith("executor-thread")) {
            return "workers";
        }
        return thread.equals("main") ? "test" : "other";
    }

    /** Now, with this JVM's threads grouped by {@code group} (a thread's name to its group). */
    public static ProcessCpu now(Jdbi jdbi, Function<String, String> group) {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> byGroup = new LinkedHashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos > 0) {
                    byGroup.merge(group.apply(info.getThreadName()), nanos / 1e6, Double::sum);
                }
            }
        }
        int backend = jdbi.withHandle(h -> h.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one());
        double postgres = ProcessHandle.of(backend).flatMap(ProcessHandle::parent)
                .map(postmaster -> millis(postmaster) + postmaster.descendants().mapToDouble(ProcessCpu::millis).sum())
                .orElse(Double.NaN);
        double kafka = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("kafka"))
                .mapToDouble(ProcessCpu::millis).sum();
        return new ProcessCpu(jvm, byGroup, postgres, kafka);
    }

    /** What was used since {@code earlier}. Threads that ended meanwhile are missing from the groups, not the JVM. */
    public ProcessCpu minus(ProcessCpu earlier) {
        Map<String, Double> groups = new LinkedHashMap<>();
        threadMillis.forEach((g, ms) -> groups.put(g, ms - earlier.threadMillis.getOrDefault(g, 0.0)));
        return new ProcessCpu(jvmMillis - earlier.jvmMillis, groups, postgresMillis - earlier.postgresMillis,
                kafkaMillis - earlier.kafkaMillis);
    }

    /** e.g. "test JVM 1.23 ms (notifier 0.80, SMTP server 0.30, other 0.13), PostgreSQL 0.20 ms, ..." per unit. */
    public String perUnit(long units, String unit) {
        StringBuilder parts = new StringBuilder();
        threadMillis.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> parts.append(parts.length() == 0 ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue() / units)));
        return String.format(Locale.ROOT, "CPU per %s: test JVM %.3f ms (%s), PostgreSQL %.3f ms, Kafka broker %.3f ms; "
                        + "%.3f ms in all", unit, jvmMillis / units, parts, postgresMillis / units, kafkaMillis / units,
                (jvmMillis + postgresMillis + kafkaMillis) / units);
    }

    private static double millis(ProcessHandle p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0);
    }

    /** The 1-minute load average and the rest of /proc/loadavg. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
