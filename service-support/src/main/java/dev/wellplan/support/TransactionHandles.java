package dev.wellplan.support;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionContext;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.extension.HandleSupplier;

/**
 * SqlObjects for use cases that run in the container's transactions: {@link Jdbi#onDemand} opens a handle and attaches
 * the SqlObject again for every call, 22 % of the planner's CPU samples under load (BENCHMARKS.md, issue 13). Here,
 * inside a transaction, every call runs on one handle for the whole transaction, opened by its first call and closed
 * before the transaction commits (or as it rolls back), so nothing outlives it. Its connection is the transaction's, as
 * on-demand handles' were: the pool hands out the connection enlisted in the transaction. Outside a transaction (a
 * background job, a read that needs none) a call opens and closes a handle of its own, exactly as
 * {@link Jdbi#onDemand} does.
 *
 * <p>Each SqlObject type is attached once for the life of the application, to a {@link HandleSupplier} that answers
 * with the current transaction's handle: attaching builds and warms a handler for every method of the type (most of a
 * DAO's methods are not called in a given transaction), which per transaction was still a fifth of the planner's
 * samples. A method runs with its own configuration (its mappers, its customizers) because the supplier puts the
 * method's extension context on the handle for the call, as Jdbi's own suppliers do, through Jdbi's package-private
 * {@code Handle.acceptExtensionContext}; should a Jdbi version lack it, each transaction attaches its SqlObjects
 * itself, as before.
 */
@ApplicationScoped
public class TransactionHandles {

    private static final Logger LOG = Logger.getLogger(TransactionHandles.class);
    /** {@code Handle.acceptExtensionContext(ExtensionContext)}, or null when this Jdbi has none. */
    private static final MethodHandle ACCEPT_CONTEXT = acceptExtensionContext();

    private final Jdbi jdbi;
    private final TransactionSynchronizationRegistry transactions;
    private final HandleSupplier transactionHandle = new TransactionHandleSupplier();
    private final Map<Class<?>, Object> attachedOnce = new ConcurrentHashMap<>();

    public TransactionHandles(Jdbi jdbi, TransactionSynchronizationRegistry transactions) {
        this.jdbi = jdbi;
        this.transactions = transactions;
    }

    /** A {@code type} SqlObject whose calls run on the current transaction's handle, or on demand outside one. */
    public <T> T onDemand(Class<T> type) {
        T outside = jdbi.onDemand(type);
        InvocationHandler calls = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return identity(proxy, type, method, args);
            }
            try {
                return method.invoke(inTransaction() ? attached(type) : outside, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, calls));
    }

    /** Active, or marked for rollback: the states in which the pool still hands out the transaction's connection. */
    private boolean inTransaction() {
        int status = transactions.getTransactionStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }

    private Object attached(Class<?> type) {
        if (ACCEPT_CONTEXT != null) {
            return attachedOnce.computeIfAbsent(type, t -> jdbi.getConfig(Extensions.class)
                    .findFor(t, transactionHandle)
                    .orElseThrow(() -> new IllegalArgumentException(t + " is not a SqlObject")));
        }
        return current().attach(type);
    }

    /** The current transaction's handle and what hangs on it, opened by the transaction's first call. */
    private TransactionHandle current() {
        // keyed by the Jdbi: one handle per transaction, whichever bean asks
        TransactionHandle current = (TransactionHandle) transactions.getResource(jdbi);
        if (current == null || current.handle.isClosed()) {
            current = new TransactionHandle(jdbi.open());
            transactions.registerInterposedSynchronization(current);
            transactions.putResource(jdbi, current);
        }
        return current;
    }

    private static Object identity(Object proxy, Class<?> type, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> type.getSimpleName() + " on the transaction's handle";
        };
    }

    private static MethodHandle acceptExtensionContext() {
        try {
            return MethodHandles.privateLookupIn(Handle.class, MethodHandles.lookup()).findVirtual(Handle.class,
                    "acceptExtensionContext", MethodType.methodType(Handle.class, ExtensionContext.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("this Jdbi has no Handle.acceptExtensionContext (%s): SqlObjects are attached per transaction",
                    e.getClass().getSimpleName());
            return null;
        }
    }

    /**
     * The handle of the transaction the calling thread runs in. A call runs with its method's extension context on
     * that handle, and the one before it back afterwards (a default method's calls nest).
     */
    private final class TransactionHandleSupplier implements HandleSupplier {

        @Override
        public Handle getHandle() {
            return current().handle;
        }

        @Override
        public Jdbi getJdbi() {
            return jdbi;
        }

        /** Jdbi's own: what each method's handler was warmed with once, and what every handle starts from. */
        @Override
        public ConfigRegistry getConfig() {
            return jdbi.getConfig();
        }

        @Override
        public <V> V invokeInContext(ExtensionContext context, Callable<V> task) throws Exception {
            TransactionHandle current = current();
            current.contexts.push(context);
            accept(current.handle, context);
            try {
                return task.call();
            } finally {
                current.contexts.pop();
                accept(current.handle, current.contexts.peek()); // null: the handle's default again
            }
        }

        @Override
        public void close() {
            // the transaction closes its handle
        }

        private void accept(Handle handle, ExtensionContext context) {
            try {
                ACCEPT_CONTEXT.invoke(handle, context);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A transaction's handle, the SqlObjects attached to it (only when Jdbi's extension contexts cannot be reached)
     * and the extension contexts of the calls running on it. It closes in {@code beforeCompletion}, before the pool
     * commits the connection (the pool warns of a connection still open then); a rollback skips that step, so
     * {@code afterCompletion} closes it too (a second close does nothing).
     */
    private static final class TransactionHandle implements Synchronization {

        final Handle handle;
        final Deque<ExtensionContext> contexts = new ArrayDeque<>();
        private final Map<Class<?>, Object> attached = new HashMap<>();

        TransactionHandle(Handle handle) {
            this.handle = handle;
        }

        Object attach(Class<?> type) {
            return attached.computeIfAbsent(type, handle::attach);
        }

        @Override
        public void beforeCompletion() {
            handle.close();
        }

        @Override
        public void afterCompletion(int status) {
            handle.close();
        }
    }
}
