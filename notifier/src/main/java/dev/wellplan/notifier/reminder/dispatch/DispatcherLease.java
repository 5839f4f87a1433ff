package dev.wellplan.notifier.reminder.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;


/**
 * Claims belong to a live dispatcher. Each instance writes a lease in {@code notifier.dispatcher} before its first
 * claim and renews it on its own thread (database time, so the hosts' clocks do not matter); the claims of an
 * instance whose lease is older than {@code wellplan.dispatch.stale-claim} go back to the queue. A batch that is slow
 * to send (an SMTP server timing out) keeps its claims for as long as its instance lives, so it is never sent twice.
 */
@ApplicationScoped
public class DispatcherLease {

    private static final Logger LOG = Logger.getLogger(DispatcherLease.class);
    /** A lease this old belongs to an instance long gone: no claim can refer to it any more. */
    private static final Duration FORGOTTEN = Duration.ofDays(1);

    private final String instance = UUID.randomUUID().toString();
    private final LedgerStatements ledger;
    private final Clock clock;
    private final Duration staleClaim;
    private final ScheduledExecutorService renewing;
    private volatile boolean held;

    public DispatcherLease(LedgerStatements ledger, Clock clock, DispatchConfig config) {
        this.ledger = ledger;
        this.clock = clock;
        this.staleClaim = config.staleClaim();
        this.renewing = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("reminder-lease-"));
    }

    /** The id this instance's claims carry ({@code notifier.reminder.claimed_by}). */
    String instance() {
        return instance;
    }

    /** Writes the lease before this instance's first claim, then renews it a few times per stale-claim period. */
    void hold() {
        if (held) {
            return;
        }
        synchronized (this) {
            if (!held) {
                ledger.renewLease(instance);
                long every = Math.max(1, Math.min(10, staleClaim.toSeconds() / 3));
                renewing.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.SECONDS);
                held = true;
            }
        }
    }

    /**
     * Puts back in the queue the claims no live dispatcher holds: those of instances that stopped renewing, and this
     * instance's own leftovers. Called between two runs, when nothing of this instance is in flight (a run waits
     * for its senders), so its leftovers are only those of a run that failed half way.
     */
    void releaseAbandonedClaims() {
        int released = ledger.releaseAbandonedClaims(instance, staleClaim.toMillis() / 1000.0, clock.instant());
        if (released > 0) {
            LOG.warnf("%d reminders claimed by a dispatcher that stopped were put back in the queue", released);
        }
    }

    private void renew() {
        try {
            ledger.renewLease(instance);
            ledger.forgetLeases(FORGOTTEN.toSeconds());
        } catch (RuntimeException e) {
            LOG.warnf("dispatcher lease not renewed: %s", e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() {
        renewing.shutdownNow();
    }
}
