package dev.wellplan.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.extension.HandleSupplier;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
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
 * closed as it returns (or as it throws), and runs on the SqlObject attached once, with its own method's mappers.
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
    void outside_a_transaction_each_call_has_a_handle_of_its_own_closed_with_its_connection_as_it_returns()
            throws SQLException {
        RateLimitDao events = handles.onDemand(RateLimitDao.class);
        Backends backends = handles.onDemand(Backends.class);

        events.record("test", key, AT);
        assertThat(events.since("test", key, Instant.EPOCH)).hasSize(1);
        assertThat(opened.handles).hasSize(2);
        backends.backend();
        backends.backend();

        assertThat(opened.handles).hasSize(4);
        assertThat(opened.closed).containsExactlyInAnyOrderElementsOf(opened.handles);
        for (Handle handle : opened.handles) {
            assertThat(handle.getConnection().isClosed()).as("its connection back in the pool").isTrue();
        }
        assertThat(recorded()).isEqualTo(1);
    }

    @Test
    void outside_a_transaction_a_default_methods_calls_share_its_one_handle() {
        Backends backends = handles.onDemand(Backends.class);

        List<Integer> seen = backends.twice();

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).as("the same connection for both calls").isEqualTo(seen.get(1));
        assertThat(opened.handles).hasSize(1);
        assertThat(opened.closed).containsExactlyElementsOf(opened.handles);
    }

    @Test
    void outside_a_transaction_a_call_that_throws_closes_its_handle() {
        UUID id = UUID.fromString(Api.enroll(Assessments.valid()));
        PlanDao plans = handles.onDemand(PlanDao.class);
        RateLimitDao events = handles.onDemand(RateLimitDao.class);

        // a default method whose nested call answers 0 rows (no version 5), then a statement PostgreSQL refuses
        assertThatThrownBy(() -> plans.insertRevision(id, 5, "ACTIVE", "PlanAdjusted", "test", "test", AT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not at version 5");
        assertThatThrownBy(() -> events.record("test", null, AT)).isInstanceOf(UnableToExecuteStatementException.class);

        assertThat(opened.handles).hasSize(2);
        assertThat(opened.closed).containsExactlyInAnyOrderElementsOf(opened.handles);
        assertThat(plans.status(id)).as("the next call has a handle again").contains("PENDING_CONFIRMATION");
    }

    @Test
    void outside_a_transaction_each_method_keeps_its_own_configuration() {
        UUID id = UUID.fromString(Api.enroll(Assessments.valid()));
        PlanDao plans = handles.onDemand(PlanDao.class);
        Backends backends = handles.onDemand(Backends.class);

        // each maps rows with the mapper registered on its own method, the type's (PlanRow) on none of them
        assertThat(plans.ownership(id)).get().extracting(PlanDao.Ownership::id).isEqualTo(id);
        assertThat(plans.readPlan(id)).get().extracting(PlanDao.LockedPlan::version).isEqualTo(1L);
        assertThat(plans.findPlan(id)).isPresent();
        assertThat(backends.word()).isEqualTo("A WORD");
        assertThat(backends.plainWord()).isEqualTo("a word");
    }

    @Test
    void outside_a_transaction_the_type_is_attached_once_not_per_call() {
        Attachments attachments = Attachments.registered(jdbi);
        Counted counted = handles.onDemand(Counted.class);

        int first = counted.handle();
        int second = counted.handle();
        counted.handle();

        assertThat(attachments.count.get()).as("attached by the first call, for good").isEqualTo(1);
        assertThat(first).as("each on the handle opened for it")
                .isEqualTo(System.identityHashCode(opened.handles.get(0)));
        assertThat(second).isEqualTo(System.identityHashCode(opened.handles.get(1)));
        assertThat(opened.closed).containsExactlyInAnyOrderElementsOf(opened.handles);
    }

    @Test
    void inside_a_jdbi_handles_callback_a_call_runs_on_that_handle() {
        RateLimitDao events = handles.onDemand(RateLimitDao.class);

        jdbi.useTransaction(handle -> {
            events.record("test", key, AT);
            assertThat(events.since("test", key, Instant.EPOCH)).hasSize(1);
            assertThat(opened.handles).containsExactly(handle);
            assertThat(opened.closed).as("its opener closes it").isEmpty();
            handle.rollback();
        });

        assertThat(recorded()).as("rolled back with the callback's transaction").isZero();
        assertThat(opened.closed).containsExactlyElementsOf(opened.handles);
    }

    @Test
    void a_result_that_would_outlive_its_calls_handle_is_refused() {
        assertThatThrownBy(() -> handles.onDemand(Streaming.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Streaming.backends returns a Stream");
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

    /** The server process of the handle's connection: one per connection. Not public, as some DAOs are not. */
    interface Backends {

        @SqlQuery("SELECT pg_backend_pid()")
        int backend();

        default List<Integer> twice() {
            return List.of(backend(), backend());
        }

        @SqlQuery("SELECT 'a word'")
        @RegisterColumnMapper(Shouted.class)
        String word();

        @SqlQuery("SELECT 'a word'")
        String plainWord();
    }

    /** Maps a text column in capitals: registered on one method only. */
    public static final class Shouted implements org.jdbi.v3.core.mapper.ColumnMapper<String> {

        @Override
        public String map(java.sql.ResultSet r, int column, org.jdbi.v3.core.statement.StatementContext ctx)
                throws SQLException {
            return r.getString(column).toUpperCase(java.util.Locale.ROOT);
        }
    }

    public interface Streaming {

        @SqlQuery("SELECT pg_backend_pid()")
        Stream<Integer> backends();
    }

    /** An extension whose attachments are counted: it answers with the identity of the handle it runs on. */
    public interface Counted {

        int handle();
    }

    /** Attaches {@link Counted}, counting: registered once on the application's Jdbi, for this type alone. */
    private static final class Attachments implements ExtensionFactory {

        private static Attachments registered;

        final AtomicInteger count = new AtomicInteger();

        static synchronized Attachments registered(Jdbi jdbi) {
            if (registered == null) {
                registered = new Attachments();
                jdbi.getConfig(Extensions.class).register(registered);
            }
            return registered;
        }

        @Override
        public boolean accepts(Class<?> type) {
            return type == Counted.class;
        }

        @Override
        public <E> E attach(Class<E> type, HandleSupplier handles) {
            count.incrementAndGet();
            return type.cast((Counted) () -> System.identityHashCode(handles.getHandle()));
        }

        @Override
        public Set<FactoryFlag> getFactoryFlags() {
            return EnumSet.of(FactoryFlag.NON_VIRTUAL_FACTORY);
        }
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
