package dev.wellplan.notifier.reminder.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.reminder.schedule.ReminderRow;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Claims due reminders for this instance, a batch at a time: {@code SKIP LOCKED}, so several instances share the
 * load, each claim marked with this instance's lease. The plans of a batch are read in one statement and parsed here,
 * so that when the next batch is claimed ahead, on its own thread, that work overlaps the sending of the current one.
 */
@ApplicationScoped
public class BatchClaimer {

    private final LedgerStatements ledger;
    private final DispatcherLease lease;
    private final Clock clock;
    private final int batchSize;
    private final ExecutorService claiming;

    public BatchClaimer(LedgerStatements ledger, DispatcherLease lease, Clock clock, DispatchConfig config) {
        this.ledger = ledger;
        this.lease = lease;
        this.clock = clock;
        this.batchSize = config.batchSize();
        this.claiming = Executors.newSingleThreadExecutor(DaemonThreads.named("reminder-claimer-"));
    }

    /** Claims the reminders due now, oldest due first, and reads their plans. */
    ClaimedBatch claim() {
        Instant now = clock.instant();
        List<ReminderRow> claimed = QuarkusTransaction.requiringNew()
                .call(() -> ledger.claimDue(now, batchSize, lease.instance()));
        return new ClaimedBatch(now, claimed, claimed.isEmpty() ? Map.of() : plans(claimed),
                claimed.size() == batchSize);
    }

    /** {@link #claim} on the claiming thread, while the caller sends the batch before it. */
    CompletableFuture<ClaimedBatch> claimAhead() {
        return CompletableFuture.supplyAsync(this::claim, claiming);
    }

    /** The applied snapshot of every plan of these reminders, read in one statement; a plan without one is absent. */
    private Map<UUID, PlanSnapshot> plans(List<ReminderRow> claimed) {
        UUID[] ids = claimed.stream().map(ReminderRow::planId).distinct().toArray(UUID[]::new);
        Map<UUID, PlanSnapshot> plans = new HashMap<>();
        ledger.snapshots(ids).forEach((id, json) -> plans.put(id, SnapshotReader.plan(json)));
        return plans;
    }

    @PreDestroy
    void stop() {
        claiming.shutdown();
    }
}
