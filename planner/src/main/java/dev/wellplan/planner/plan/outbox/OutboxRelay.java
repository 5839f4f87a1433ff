package dev.wellplan.planner.plan.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

import dev.wellplan.contract.PlanEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes the outbox to Kafka from one thread per instance. A commit that wrote an outbox row
 * wakes it at once (see {@link Outbox}); otherwise it looks every poll interval, which is how
 * rows written by another instance, or left by a crash, are picked up. Each batch is claimed with {@code FOR UPDATE SKIP LOCKED},
 * sent, and marked published only after the broker acknowledged every record of it, in the
 * same transaction that holds the claim: a crash or a broker outage leaves the rows pending
 * and the next run (here or on another instance) sends them again. Duplicates this can cause
 * are harmless: the notifier keeps a processed-event log and compares plan versions.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Jdbi jdbi;
    private final Producer<String, String> producer;
    private final Clock clock;
    private final int batchSize;
    private final Duration ackTimeout;
    private final Duration pollInterval;
    private final java.util.concurrent.Semaphore wake = new java.util.concurrent.Semaphore(0);
    private volatile boolean running;
    private volatile boolean brokerDown;
    private Thread thread;

    public OutboxRelay(Jdbi jdbi, Producer<String, String> producer, Clock clock, OutboxConfig config) {
        this.jdbi = jdbi;
        this.producer = producer;
        this.clock = clock;
        this.batchSize = config.batchSize();
        this.ackTimeout = config.ackTimeout();
        this.pollInterval = config.pollInterval();
    }

    void start(@Observes StartupEvent started) {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        wake.release();
        if (thread != null) {
            thread.join(ackTimeout.toMillis() + 1_000);
        }
    }

    /** Whether the last attempt to publish failed: the broker is away or not acknowledging. */
    public boolean brokerDown() {
        return brokerDown;
    }

    /** Called after a transaction that wrote outbox rows committed. */
    public void wakeUp() {
        wake.release();
    }

    private void run() {
        while (running) {
            relay();
            try {
                // after a failure, wait a little longer so a broker outage is not hammered
                long waitMs = brokerDown ? Math.max(pollInterval.toMillis(), 1_000) : pollInterval.toMillis();
                if (wake.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void relay() {
        try {
            while (publishBatch() == batchSize) {
                // a full batch means more is waiting: drain before sleeping again
            }
            if (brokerDown) {
                LOG.info("outbox relay: broker reachable again, backlog drained");
                brokerDown = false;
            }
        } catch (RuntimeException e) {
            if (!brokerDown) {
                LOG.warnf("outbox relay: publishing failed, rows stay pending and are retried: %s", e.getMessage());
                brokerDown = true;
            }
        }
    }

    /** Publishes one batch; returns how many rows it published. */
    public int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxDao dao = jdbi.onDemand(OutboxDao.class);
            List<OutboxRow> rows = dao.claimPending(batchSize);
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (OutboxRow row : rows) {
                acks.add(producer.send(toRecord(row)));
            }
            awaitAll(acks);
            dao.markPublished(rows.stream().map(OutboxRow::id).toList(), clock.instant());
            return rows.size();
        });
    }

    private void awaitAll(List<Future<RecordMetadata>> acks) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("broker did not acknowledge the batch: " + e, e);
        }
    }

    private static ProducerRecord<String, String> toRecord(OutboxRow row) {
        var record = new ProducerRecord<>(PlanEvent.TOPIC, row.aggregateId().toString(), row.payload());
        record.headers().add(PlanEvent.EVENT_ID_HEADER, row.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(PlanEvent.EVENT_TYPE_HEADER, row.eventType().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
