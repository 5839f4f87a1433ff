package dev.wellplan.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.wellplan.planner.access.store.RateLimitDao;
import dev.wellplan.planner.plan.store.PlanDao;
import dev.wellplan.support.TransactionHandles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The SqlObjects the use cases hold ({@link TransactionHandles}), on the test database: inside a transaction every
 * call runs on one handle, closed by the commit or the rollback without the pool finding a connection still open;
 * what the calls wrote commits or rolls back with the transaction; outside one, each call has a handle of its own,
 * closed as it returns.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class TransactionHandlesTest {

    private static final Logger POOL_LOG = Logger.getLogger("io.agroal.pool");
    private static final Instant AT = Instant.parse("2027-01-04T10:00:00Z");

    @Inject
    Jdbi jdbi;

    @Inject
    TransactionHandles handles;

    private HandlesOfThisThread opened;
    private final PoolWarnings warnings = new PoolWarnings();
    private final String key = "test-" + UUID.randomUUID();

    @BeforeEach
    void watch() {
        opened = new HandlesOfThisThread(Thread.currentThread());
        jdbi.getConfig(Handles.class).addListener(opened);
        POOL_LOG.addHandler(warnings);
    }

    @AfterEach
    void stopWatching() {
        jdbi.getConfig(Handles.class).removeListener(opened);
        POOL_LOG.removeHandler(warnings);
    }

    @Test
    void a_transaction_runs_every_call_on_one_handle_closed_by_the_commit() {
        RateLimitDao one = handles.onDemand(RateLimitDao.class);
        RateLimitDao another = handles.onDemand(RateLimitDao.class);

        QuarkusTransaction.begin();
        one.record("test", key, AT);
        assertThat(another.since("test", key, Instant.EPOCH)).hasSize(1);
        one.lock("test", key);
        assertThat(opened.handles).hasSize(1);
        assertThat(opened.closed).isEmpty();
        QuarkusTransaction.commit();

        assertThat(opened.closed).containsExactlyElementsOf(opened.handles);
        assertThat(warnings.messages).as("the pool found no connection still open").isEmpty();
        assertThat(recorded()).isEqualTo(1);
    }

    @Test
    void a_rollback_closes_the_handle_and_keeps_nothing_its_calls_wrote() {
        RateLimitDao events = handles.onDemand(RateLimitDao.class);

        QuarkusTransaction.begin();
        events.record("test", key, AT);
        assertThat(events.since("test", key, Instant.EPOCH)).as("visible inside the transaction").hasSize(1);
        QuarkusTransaction.rollback();

        assertThat(opened.handles).hasSize(1);
        assertThat(opened.closed).containsExactlyElementsOf(opened.handles);
        assertThat(warnings.messages).isEmpty();
        assertThat(recorded()).isZero();
    }

    @Test
    void each_transaction_has_its_own_handle() {
        RateLimitDao events = handles.onDemand(RateLimitDao.class);

        QuarkusTransaction.requiringNew().run(() -> events.record("test", key, AT));
        QuarkusTransaction.requiringNew().run(() -> events.record("test", key, AT));

        assertThat(opened.handles).hasSize(2);
        assertThat(opened.closed).containsExactlyInAnyOrderElementsOf(opened.handles);
        assertThat(recorded()).isEqualTo(2);
    }

    @Test
    void outside_a_transaction_each_call_has_a_handle_of_its_own() {
        RateLimitDao events = handles.onDemand(RateLimitDao.class);

        events.record("test", key, AT);
        assertThat(events.since("test", key, Instant.EPOCH)).hasSize(1);

        assertThat(opened.handles).hasSize(2);
        assertThat(opened.closed).containsExactlyInAnyOrderElementsOf(opened.handles);
    }

    @Test
    void each_method_keeps_its_own_configuration_on_the_transactions_handle_and_default_methods_nest() {
        UUID id = UUID.fromString(Api.enroll(Assessments.valid()));
        PlanDao plans = handles.onDemand(PlanDao.class);

        QuarkusTransaction.begin();
        try {
            // each maps rows with the mapper registered on its own method
            assertThat(plans.ownership(id)).get().extracting(PlanDao.Ownership::id).isEqualTo(id);
            assertThat(plans.lockPlan(id)).get().extracting(PlanDao.LockedPlan::version).isEqualTo(1L);
            // a default method calling another SqlObject method, which answers 0 rows (no version 5 yet)
            assertThatThrownBy(() -> plans.insertRevision(id, 5, "ACTIVE", "PlanAdjusted", "test", "test", AT))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not at version 5");
            assertThat(plans.status(id)).contains("PENDING_CONFIRMATION");
            assertThat(plans.ownership(id)).get().extracting(PlanDao.Ownership::coachId).isNull();
            assertThat(opened.handles).hasSize(1);
        } finally {
            QuarkusTransaction.rollback();
        }
        assertThat(opened.closed).containsExactlyElementsOf(opened.handles);
    }

    private long recorded() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM planner.rate_event WHERE key = :key")
                .bind("key", key).mapTo(Long.class).one());
    }

    /** The handles opened on the test's thread (the relay opens its own meanwhile), and which of them closed. */
    private static final class HandlesOfThisThread implements HandleListener {

        final Thread thread;
        final List<Handle> handles = new CopyOnWriteArrayList<>();
        final Set<Handle> closed = ConcurrentHashMap.newKeySet();

        HandlesOfThisThread(Thread thread) {
            this.thread = thread;
        }

        @Override
        public void handleCreated(Handle handle) {
            if (Thread.currentThread() == thread) {
                handles.add(handle);
            }
        }

        @Override
        public void handleClosed(Handle handle) {
            if (handles.contains(handle)) {
                closed.add(handle);
            }
        }
    }

    /** What the connection pool warns of, such as a connection still open when its transaction commits. */
    private static final class PoolWarnings extends Handler {

        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                messages.add(String.valueOf(record.getMessage()) + " " + List.of(
                        record.getParameters() == null ? new Object[0] : record.getParameters()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
