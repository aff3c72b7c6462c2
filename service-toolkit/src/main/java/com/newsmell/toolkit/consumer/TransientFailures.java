package com.newsmell.toolkit.consumer;

import io.vertx.pgclient.PgException;

/**
 * Tells a passing infrastructure failure (the database is down, restarting or overloaded), which a
 * consumer retries without committing its offsets, from a failure of the data itself, which it
 * dead-letters.
 */
public final class TransientFailures {

    private TransientFailures() {}

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
