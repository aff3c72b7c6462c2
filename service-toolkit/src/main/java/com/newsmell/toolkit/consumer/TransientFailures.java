package com.newsmell.toolkit.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Tells a passing infrastructure failure (the database is down, restarting or overloaded), which a
 * consumer retries without committing its offsets, from a failure of the data itself, which it
 * dead-letters.
 */
public final class TransientFailures {

    private static final Logger LOG = Logger.getLogger(TransientFailures.class);

    private TransientFailures() {}

    /**
     * The work, retried with back-off (200 ms to 5 s) for as long as it fails transiently: the consumer does not
     * acknowledge meanwhile, so no offset is committed past it. Any other failure is passed on.
     */
    public static <T> Uni<T> retryingWhileTransient(Supplier<Uni<? extends T>> work, String what) {
        return Uni.createFrom()
                .<T>deferred(work)
                .onFailure(TransientFailures::isTransient)
                .invoke(f -> LOG.warnf("database unavailable, retrying %s without acknowledging: %s", what, f))
                .onFailure(TransientFailures::isTransient)
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .indefinitely();
    }

    public static boolean isTransient(Throwable failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof PgException pg) {
                String state = pg.getSqlState();
                return state == null
                        || state.startsWith("08") // connection exception
                        || state.startsWith("53") // insufficient resources
                        || state.startsWith("57") // operator intervention (shutdown)
                        || state.startsWith("40"); // serialization failure, deadlock
            }
            if (cause instanceof java.io.IOException
                    || cause instanceof io.vertx.core.VertxException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                // Connection refused, closed connections, pool timeouts: not the data's fault.
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        return false;
    }
}
