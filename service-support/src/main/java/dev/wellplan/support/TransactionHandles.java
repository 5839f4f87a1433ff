package dev.wellplan.support;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.BaseStream;

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
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.sqlobject.CreateSqlObject;

/**
 * The SqlObjects of wellplan's beans, in place of {@link Jdbi#onDemand}, which opens a handle and attaches the
 * SqlObject again for every call (attaching builds and warms a handler for every method of the type, 22 % of the
 * planner's CPU samples under load: BENCHMARKS.md, issue 13). Inside a transaction every call runs on one handle for
 * the whole transaction, opened by its first call and closed before the transaction commits (or as it rolls back), so
 * nothing outlives it; its connection is the transaction's, as on-demand handles' were (the pool hands out the
 * connection enlisted in the transaction). Outside a transaction (a sign-in, a read that needs none, a relay's poll)
 * each call opens a handle and closes it as it returns, exactly as {@link Jdbi#onDemand} does, and a call made inside
 * a {@code jdbi.useHandle} (or inside another such call) runs on that handle, as there too.
 *
 * <p>Each SqlObject type is attached once for the life of the application, to a {@link HandleSupplier} that answers
 * with the handle of the call running outside a transaction on the calling thread, or else with the current
 * transaction's. A method runs with its own configuration (its mappers, its customizers) because the supplier puts
 * the method's extension context on the handle for the call, as Jdbi's own suppliers do, through Jdbi's
 * package-private {@code Handle.acceptExtensionContext}; should a Jdbi version lack it, each transaction attaches its
 * SqlObjects itself and calls outside one go through {@link Jdbi#onDemand}, as before. Since a call's handle may close
 * as it returns, a SqlObject whose methods return what reads from it later (a {@code Stream}, an {@code Iterator}, a
 * {@code ResultIterable}) is refused.
 */
@ApplicationScoped
public class TransactionHandles {

    private static final Logger LOG = Logger.getLogger(TransactionHandles.class);
    /** {@code Handle.acceptExtensionContext(ExtensionContext)}, or null when this Jdbi has none. */
    private static final MethodHandle ACCEPT_CONTEXT = acceptExtensionContext();

    private final Jdbi jdbi;
    private final TransactionSynchronizationRegistry transactions;
    private final HandleSupplier currentHandle = new CurrentHandleSupplier();
    private final Map<Class<?>, Object> attachedOnce = new ConcurrentHashMap<>();
    /** The handle of the call running outside a transaction on this thread, if one is. */
    private final ThreadLocal<HandleInUse> callHandle = new ThreadLocal<>();

    public TransactionHandles(Jdbi jdbi, TransactionSynchronizationRegistry transactions) {
        this.jdbi = jdbi;
        this.transactions = transactions;
    }

    /**
     * A {@code type} SqlObject whose calls run on the current transaction's handle, or outside one on a handle of
     * their own.
     *
     * @throws IllegalArgumentException if a method of {@code type} returns what would outlive its call's handle (a
     *         {@code Stream}, an {@code Iterator}, a {@code ResultIterable}, the handle, a {@code @CreateSqlObject})
     */
    public <T> T onDemand(Class<T> type) {
        refuseResultsOutlivingTheCall(type);
        // only when the extension contexts cannot be reached: outside a transaction, Jdbi's own on-demand object
        T perCall = ACCEPT_CONTEXT == null ? jdbi.onDemand(type) : null;
        InvocationHandler calls = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return identity(proxy, type, method, args);
            }
            if (inTransaction()) {
                return invoke(attached(type), method, args);
            }
            if (perCall != null) {
                return invoke(perCall, method, args);
            }
            return jdbi.withHandle(handle -> onCallHandle(handle, attached(type), method, args));
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, calls));
    }

    /**
     * A call outside a transaction, on the handle {@link Jdbi#withHandle} gives it: opened for the call and closed
     * after it, as {@link Jdbi#onDemand} does, or the one already in use on this thread (a call made inside a
     * {@code jdbi.useHandle}, or one such call inside another), which its opener closes. The supplier answers with it
     * until the call returns, and with what it answered before afterwards.
     */
    private Object onCallHandle(Handle handle, Object target, Method method, Object[] args) throws Exception {
        HandleInUse enclosing = callHandle.get();
        if (enclosing != null && enclosing.handle == handle) {
            return invoke(target, method, args);
        }
        callHandle.set(new HandleInUse(handle));
        try {
            return invoke(target, method, args);
        } finally {
            if (enclosing == null) {
                callHandle.remove();
            } else {
                callHandle.set(enclosing);
            }
        }
    }

    /**
     * The SqlObject's own handler for the call, as Jdbi's on-demand objects call it: a DAO interface need not be
     * public, and reflection would refuse a package-private one's methods.
     */
    private static Object invoke(Object target, Method method, Object[] args) throws Exception {
        try {
            if (Proxy.isProxyClass(target.getClass())) {
                return Proxy.getInvocationHandler(target).invoke(target, method, args);
            }
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw rethrown(e.getCause());
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new UndeclaredThrowableException(e);
        }
    }

    private static Exception rethrown(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof Exception exception ? exception : new UndeclaredThrowableException(cause);
    }

    /**
     * Outside a transaction a call's handle closes as the call returns, so nothing it returns may still read from it
     * (Jdbi's on-demand objects close theirs as early, leaving such results unreadable): refused when the SqlObject is
     * made, rather than failing at the first read.
     */
    private static void refuseResultsOutlivingTheCall(Class<?> type) {
        for (Method method : type.getMethods()) {
            Class<?> returned = method.getReturnType();
            if (Iterator.class.isAssignableFrom(returned) || BaseStream.class.isAssignableFrom(returned)
                    || ResultIterable.class.isAssignableFrom(returned) || Handle.class.isAssignableFrom(returned)
                    || method.isAnnotationPresent(CreateSqlObject.class)) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + method.getName() + " returns a "
                        + returned.getSimpleName() + ", which would outlive its call's handle: return a List instead");
            }
        }
    }

    /** Active, or marked for rollback: the states in which the pool still hands out the transaction's connection. */
    private boolean inTransaction() {
        int status = transactions.getTransactionStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }

    private Object attached(Class<?> type) {
        if (ACCEPT_CONTEXT != null) {
            return attachedOnce.computeIfAbsent(type, t -> jdbi.getConfig(Extensions.class)
                    .findFor(t, currentHandle)
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
            default -> type.getSimpleName() + " on the current handle";
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
     * The handle of the call the calling thread runs outside a transaction, or else of the transaction it runs in. A
     * call runs with its method's extension context on that handle, and the one before it back afterwards (a default
     * method's calls nest).
     */
    private final class CurrentHandleSupplier implements HandleSupplier {

        @Override
        public Handle getHandle() {
            return inUse().handle;
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
            HandleInUse inUse = inUse();
            inUse.contexts.push(context);
            accept(inUse.handle, context);
            try {
                return task.call();
            } finally {
                inUse.contexts.pop();
                accept(inUse.handle, inUse.contexts.peek()); // null: the handle's default again
            }
        }

        @Override
        public void close() {
            // whoever opened the handle closes it: the transaction, or the call
        }

        private HandleInUse inUse() {
            HandleInUse call = callHandle.get();
            return call != null ? call : current();
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

    /** A handle the SqlObjects' calls run on, and the extension contexts of the calls running on it. */
    private static class HandleInUse {

        final Handle handle;
        final Deque<ExtensionContext> contexts = new ArrayDeque<>();

        HandleInUse(Handle handle) {
            this.handle = handle;
        }
    }

    /**
     * A transaction's handle and the SqlObjects attached to it (only when Jdbi's extension contexts cannot be reached).
     * It closes in {@code beforeCompletion}, before the pool commits the connection (the pool warns of a connection
     * still open then); a rollback skips that step, so {@code afterCompletion} closes it too (a second close does
     * nothing).
     */
    private static final class TransactionHandle extends HandleInUse implements Synchronization {

        private final Map<Class<?>, Object> attached = new HashMap<>();

        TransactionHandle(Handle handle) {
            super(handle);
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
