package dev.wellplan.planner.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.RealServers;
import dev.wellplan.planner.plan.api.EnrollmentReader;
import dev.wellplan.planner.plan.app.Enrollments;
import dev.wellplan.planner.plan.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Outbox relay figures for BENCHMARKS.md, on real PostgreSQL and Kafka: the drain rate of a
 * 100,000-event backlog, and commit-to-broker latency at a steady 200 events/s. Not part of the
 * default test run: {@code mvn -B -pl planner -am verify -Pbench -Dtest=OutboxRelayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
@Tag("benchmark")
class OutboxRelayBenchmark {

    private static final int BACKLOG = Integer.getInteger("bench.backlog", 100_000);
    private static final int RATE = Integer.getInteger("bench.rate", 200);
    private static final int STEADY_SECONDS = Integer.getInteger("bench.seconds", 30);

    @Inject
    Jdbi jdbi;

    @Inject
    Enrollments enrollments;

    @Inject
    EnrollmentReader reader;

    @Inject
    Outbox outbox;

    @Inject
    java.time.Clock clock;

    /** A real PlanCreated payload, as an enrollment writes it. */
    private String samplePayload() {
        UUID planId = enrollments.enroll(reader.read(Assessments.valid()), null).plan().id();
        return jdbi.withHandle(h -> h.createQuery("SELECT payload FROM planner.outbox WHERE aggregate_id = :id")
                .bind("id", planId).mapTo(String.class).one());
    }

    private long pending() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM planner.outbox WHERE published_at IS NULL")
                .mapTo(Long.class).one());
    }

    @Test
    void drain_a_backlog() {
        String payload = samplePayload();
        await().atMost(Duration.ofMinutes(1)).until(() -> pending() == 0);

        // The backlog commits at once, as if Kafka had been away while enrollments kept coming.
        long t0 = System.nanoTime();
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO planner.outbox (id, aggregate_type, aggregate_id, event_type, payload, created_at)
                SELECT gen_random_uuid(), 'plan', gen_random_uuid(), 'PlanCreated', :payload, now()
                FROM generate_series(1, :n)""").bind("payload", payload).bind("n", BACKLOG).execute());
        long committed = System.nanoTime();
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(100)).until(() -> pending() == 0);
        double seconds = (System.nanoTime() - committed) / 1e9;

        System.out.printf(Locale.ROOT, "BENCH outbox drain: %d events of %d bytes in %.1f s = %.0f events/s (insert took %.1f s)%n",
                BACKLOG, payload.length(), seconds, BACKLOG / seconds, (committed - t0) / 1e9);
        assertThat(pending()).isZero();
    }

    @Test
    void latency_at_a_steady_rate() {
        PlanEvent sample = PlanEventCodec.fromJson(samplePayload());
        await().atMost(Duration.ofMinutes(5)).until(() -> pending() == 0);
        int total = RATE * STEADY_SECONDS;
        List<UUID> ids = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / RATE);
            while (System.nanoTime() < due) {
                Thread.onSpinWait(); // pacing the load generator, not waiting for a result
            }
            PlanEvent event = copy(sample, UUID.randomUUID());
            ids.add(event.eventId());
            // As a plan change does it: the outbox row in its own transaction, which wakes the relay on commit.
            QuarkusTransaction.requiringNew().run(() -> outbox.record(event));
        }
        double offered = total / ((System.nanoTime() - start) / 1e9);
        await().atMost(Duration.ofMinutes(2)).until(() -> pending() == 0);

        List<Double> latencies = jdbi.withHandle(h -> h.createQuery("""
                SELECT EXTRACT(EPOCH FROM (published_at - created_at)) * 1000 FROM planner.outbox
                WHERE id IN (<ids>) ORDER BY 1""").bindList("ids", ids).mapTo(Double.class).list());
        System.out.printf(Locale.ROOT,
                "BENCH outbox latency at %.0f events/s offered (%d events of %d bytes): commit-to-broker-ack p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                offered, total, PlanEventCodec.toJson(sample).length(), percentile(latencies, 50),
                percentile(latencies, 99), latencies.get(latencies.size() - 1));
        assertThat(latencies).hasSize(total);
    }

    /** The same plan under a new id, stamped now. */
    private PlanEvent copy(PlanEvent e, UUID planId) {
        PlanSnapshot p = e.plan();
        PlanSnapshot plan = new PlanSnapshot(planId, p.version(), p.status(), p.client(), p.timeZone(), p.startDate(),
                p.endDate(), p.quietHours(), p.urgency(), p.items());
        return new PlanEvent(UUID.randomUUID(), e.type(), e.schemaVersion(), planId, e.planVersion(), clock.instant(),
                e.change(), plan);
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
