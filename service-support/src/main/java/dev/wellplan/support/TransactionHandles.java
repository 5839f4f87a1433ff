package dev.wellplan.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SqlObjects for use cases that run in the container's transactions: {@link Jdbi#onDemand} opens a handle and attaches
 * the SqlObject again for every call, 22 % of the planner's CPU samples under load (BENCHMARKS.md, issue 13). Here,
 * inside a transaction, every call runs on one handle for the whole transaction, opened by its first call, with each
 * SqlObject type attached to it once; the handle closes before the transaction commits (or as it rolls back), so
 * nothing outlives it. Its connection is the transaction's, as on-demand handles' were: the pool hands out the
 * connection enlisted in the transaction. Outside a transaction (a background job, a read that needs none) a call opens
 * and closes a handle of its own, exactly as {@link Jdbi#onDemand} does.
 */
@ApplicationScoped
public class TransactionHandles {

    private final Jdbi jdbi;
    private final TransactionSynchronizationRegistry transactions;

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
        // keyed by the Jdbi: one handle per transaction, whichever bean asks
        TransactionHandle current = (TransactionHandle) transactions.getResource(jdbi);
        if (current == null || current.handle.isClosed()) {
            current = new TransactionHandle(jdbi.open());
            transactions.registerInterposedSynchronization(current);
            transactions.putResource(jdbi, current);
        }
        return current.attach(type);
    }

    private static Object identity(Object proxy, Class<?> type, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> type.getSimpleName() + " on the transaction's handle";
        };
    }

    /**
     * A transaction's handle and the SqlObjects attached to it. It closes in {@code beforeCompletion}, before the
     * pool commits the connection (the pool warns of a connection still open then); a rollback skips that step, so
     * {@code afterCompletion} closes it too (a second close does nothing).
     */
    private static final class TransactionHandle implements Synchronization {

        final Handle handle;
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
