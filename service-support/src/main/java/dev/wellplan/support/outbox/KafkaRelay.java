package dev.wellplan.support.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Publishes an outbox table to Kafka from one thread per instance: the planner's plan events, the notifier's delivery
 * events. A commit that wrote a row may wake it at once ({@link #wakeUp()}); otherwise it looks every poll interval,
 * which is how rows written by another instance, or left by a crash, are picked up. Each batch is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, sent, and marked published only after the broker acknowledged every record of it,
 * in the same transaction that holds the claim: a crash or a broker outage leaves the rows pending and the next run
 * (here or on another instance) sends them again. So an event is never lost and may be published twice; consumers
 * deduplicate on its event id. The claim is also what keeps two instances from publishing the same rows at once.
 *
 * @param <R> a row of the outbox table
 */
public final class KafkaRelay<R> {

    private static final Logger LOG = Logger.getLogger(KafkaRelay.class);

    private final String name;
    private final OutboxTable<R> table;
    private final Producer<String, String> producer;
    private final Clock clock;
    private final RelayConfig settings;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean brokerDown;
    private Thread thread;

    /** {@code name} begins its log lines, e.g. {@code outbox relay}; its thread is named so too, with hyphens. */
    public KafkaRelay(String name, OutboxTable<R> table, Producer<String, String> producer, Clock clock,
                      RelayConfig settings) {
        this.name = name;
        this.table = table;
        this.producer = producer;
        this.clock = clock;
        this.settings = settings;
    }

    public void start() {
        running = true;
        thread = new Thread(this::run, name.replace(' ', '-'));
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread, waiting for a batch in flight at most its acknowledgement timeout. */
    public void stop() throws InterruptedException {
        running = false;
        wake.release();
        if (thread != null) {
            thread.join(settings.ackTimeout().toMillis() + 1_000);
        }
    }

    /** Whether the last attempt to publish failed: the broker is away or not acknowledging. */
    public boolean brokerDown() {
        return brokerDown;
    }

    /** Publish now rather than at the next poll: a transaction that wrote rows committed. */
    public void wakeUp() {
        wake.release();
    }

    private void run() {
        while (running) {
            relay();
            try {
                // after a failure, wait a little longer so a broker outage is not hammered
                long pollMs = settings.pollInterval().toMillis();
                long waitMs = brokerDown ? Math.max(pollMs, 1_000) : pollMs;
                if (wake.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Publishes everything pending; a failure leaves the rest pending for the next run. */
    public void relay() {
        try {
            while (publishBatch() == settings.batchSize()) {
                // a full batch means more is waiting: drain before sleeping again
            }
            if (brokerDown) {
                LOG.infof("%s: broker reachable again, backlog drained", name);
                brokerDown = false;
            }
        } catch (RuntimeException e) {
            if (!brokerDown) {
                LOG.warnf("%s: publishing failed, rows stay pending and are retried: %s", name, e.getMessage());
                brokerDown = true;
            }
        }
    }

    /** Publishes one batch in a transaction of its own; returns how many rows it published. */
    public int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<R> rows = table.claimPending(settings.batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (R row : rows) {
                acks.add(producer.send(table.toRecord(row)));
            }
            awaitAll(acks);
            table.markPublished(rows, clock.instant());
            return rows.size();
        });
    }

    private void awaitAll(List<Future<RecordMetadata>> acks) {
        long deadline = System.nanoTime() + settings.ackTimeout().toNanos();
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
}
