package dev.wellplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.wellplan.stack.LocalStack;

/**
 * Coaches adjusting plans at a steady {@code bench.rate} (20) adjustments a second for {@code bench.seconds} (30) on
 * the whole local stack: each adjustment moves a plan's second massage by an hour ({@code POST
 * /api/plans/{id}/adjustments} with If-Match), round-robin over {@code bench.plans} (40) plans. Prints the rate
 * applied, the POST's p50/p99, and the p50/p99 from sending the POST to the notifier's ledger standing at the new
 * version ({@code notifier.plan_state}, written in the transaction that moves the reminders; polled every 10 ms).
 *
 * <p>{@code mvn -B -ntp install -DskipTests && mvn -B -ntp -f system-tests/pom.xml test -Pbench
 * -Dtest=AdjustmentThroughputBenchmark}
 */
@Tag("benchmark")
class AdjustmentThroughputBenchmark {

    static final int RATE = Integer.getInteger("bench.rate", 20);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final int PLANS = Integer.getInteger("bench.plans", 40);

    private static LocalStack stack;
    private static Pipeline pipeline;

    @BeforeAll
    static void up() throws Exception {
        stack = Stacks.onFreePorts("adjust-bench").start();
        pipeline = new Pipeline(stack);
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.close();
        }
    }

    private record Sent(UUID plan, long version, long atNanos) {
    }

    @Test
    void adjustments_per_second_and_the_lag_to_the_notifiers_ledger() throws Exception {
        List<UUID> plans = new ArrayList<>();
        Map<UUID, Long> versions = new ConcurrentHashMap<>();
        Map<UUID, LocalDateTime> secondMassage = new HashMap<>();
        for (int i = 0; i < PLANS; i++) {
            UUID plan = pipeline.enrollAsCoach(Pipeline.newEmail("adjust-bench"));
            Http.Reply read = Http.get(stack.plannerUrl() + "/api/plans/" + plan, "coach", "coach-local");
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            plans.add(plan);
            versions.put(plan, read.json().get("version").asLong());
            for (JsonNode item : read.json().get("items")) {
                if ("massage-2".equals(item.get("id").asText())) {
                    secondMassage.put(plan, LocalDateTime.parse(item.get("start").asText()));
                }
            }
        }
        assertThat(secondMassage).hasSize(PLANS);
        Map<UUID, Long> firstVersions = Map.copyOf(versions);
        // every plan is at its version in the notifier before the clock starts
        awaitLedger(firstVersions);
        System.out.printf(Locale.ROOT, "bench: %d plans enrolled, confirmed and in the notifier's ledger%n", PLANS);

        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> postNanos = new ConcurrentLinkedQueue<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread poller = new Thread(() -> poll(plans, seenAt, sending), "ledger-poller");
        poller.start();

        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        AtomicInteger next = new AtomicInteger();
        int total = RATE * SECONDS;
        long start = System.nanoTime();
        // one plan is adjusted by one request at a time: the next one for it waits for the answer
        Map<UUID, Object> locks = new ConcurrentHashMap<>();
        clock.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n >= total) {
                return;
            }
            UUID plan = plans.get(n % plans.size());
            senders.submit(() -> {
                synchronized (locks.computeIfAbsent(plan, p -> new Object())) {
                    long version = versions.get(plan);
                    LocalDateTime at = secondMassage.get(plan).plusHours(version % 2 == 0 ? 1 : 0);
                    String body = String.format(Locale.ROOT, "{\"reason\": \"bench\", \"notifyClient\": false, "
                            + "\"operations\": [{\"op\": \"moveItem\", \"itemId\": \"massage-2\", \"date\": \"%s\", "
                            + "\"time\": \"%s\"}]}", at.toLocalDate(), at.toLocalTime());
                    long before = System.nanoTime();
                    Http.Reply reply = Http.postJson(stack.plannerUrl() + "/api/plans/" + plan + "/adjustments",
                            body, "coach", "coach-local", "\"" + version + "\"");
                    long after = System.nanoTime();
                    if (reply.status() != 200) {
                        refused.incrementAndGet();
                        System.out.printf(Locale.ROOT, "bench: refused %d %s%n", reply.status(), reply.body());
                        return;
                    }
                    long now = reply.json().get("version").asLong();
                    versions.put(plan, now);
                    postNanos.add(after - before);
                    sent.add(new Sent(plan, now, before));
                }
            });
        }, 0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);
        while (next.get() < total) {
            Thread.sleep(100);
        }
        clock.shutdown();
        senders.shutdown();
        assertThat(senders.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        double seconds = (System.nanoTime() - start) / 1e9;
        awaitLedger(versions);
        sending.set(false);
        poller.join();

        List<Long> lags = new ArrayList<>();
        for (Sent s : sent) {
            Long seen = seenAt.get(s.plan() + "@" + s.version());
            if (seen == null) { // a later version overtook it between two polls: it was reached by then
                seen = seenAt.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(s.plan() + "@")
                                && Long.parseLong(e.getKey().substring(e.getKey().indexOf('@') + 1)) > s.version())
                        .mapToLong(Map.Entry::getValue).min().orElseThrow();
            }
            lags.add(seen - s.atNanos());
        }
        List<Long> posts = new ArrayList<>(postNanos);
        Collections.sort(lags);
        Collections.sort(posts);
        System.out.printf(Locale.ROOT, "bench: %d adjustments applied in %.1f s (%.1f/s, target %d/s), %d refused%n",
                sent.size(), seconds, sent.size() / seconds, RATE, refused.get());
        System.out.printf(Locale.ROOT, "bench: POST p50=%.1f ms p99=%.1f ms max=%.1f ms%n", ms(posts, 0.50),
                ms(posts, 0.99), posts.get(posts.size() - 1) / 1e6);
        System.out.printf(Locale.ROOT, "bench: POST -> notifier ledger at the new version p50=%.1f ms p99=%.1f ms "
                + "max=%.1f ms%n", ms(lags, 0.50), ms(lags, 0.99), lags.get(lags.size() - 1) / 1e6);
        assertThat(refused.get()).isZero();
        assertThat(sent).hasSize(total);
    }

    /** Records when each plan version is first seen in the notifier's applied plan state. */
    private static void poll(List<UUID> plans, Map<String, Long> seenAt, AtomicBoolean sending) {
        try (Connection db = pipeline.db(); PreparedStatement select = db.prepareStatement(
                "SELECT plan_id, version FROM notifier.plan_state WHERE plan_id = ANY (?)")) {
            select.setArray(1, db.createArrayOf("uuid", plans.toArray()));
            while (sending.get()) {
                try (ResultSet rs = select.executeQuery()) {
                    long now = System.nanoTime();
                    while (rs.next()) {
                        seenAt.putIfAbsent(rs.getObject(1) + "@" + rs.getLong(2), now);
                    }
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitLedger(Map<UUID, Long> versions) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            long behind = versions.entrySet().stream().filter(e -> pipeline.count(
                    "SELECT count(*) FROM notifier.plan_state WHERE plan_id = ? AND version >= ?", e.getKey(),
                    e.getValue()) == 0).count();
            if (behind == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the notifier's ledger did not reach the adjusted versions in two minutes");
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
