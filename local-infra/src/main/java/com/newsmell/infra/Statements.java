package com.newsmell.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the SQL statements a service under test (a {@code @QuarkusTest}, same JVM) sends to its database: Hibernate
 * Reactive hands every statement to the {@code org.hibernate.SQL} logger, which the services' test profile sets to
 * DEBUG with no handler of its own ({@code %test.quarkus.log.category."org.hibernate.SQL".level=DEBUG},
 * {@code use-parent-handlers=false}), so only this counter sees them. The proof that a GraphQL batch of N entity keys
 * costs one query per field, not one per key (issue 14).
 */
public final class Statements {

    private static final Logger SQL = Logger.getLogger("org.hibernate.SQL");

    private Statements() {}

    /** What an action sent. */
    public record Sent(List<String> statements) {

        /** The statements that read (select) from {@code table}. */
        public long readsOf(String table) {
            String name = table.toLowerCase(Locale.ROOT);
            return statements.stream()
                    .map(s -> s.toLowerCase(Locale.ROOT))
                    .filter(s -> s.stripLeading().startsWith("select")
                            || s.stripLeading().startsWith("with"))
                    .filter(s -> s.matches("(?s).*\\b" + name + "\\b.*"))
                    .count();
        }
    }

    /** Runs the action and returns the statements logged meanwhile (by any thread: the service runs beside). */
    public static Sent during(Runnable action) {
        List<String> seen = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (seen) {
                    seen.add(record.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        SQL.addHandler(handler);
        try {
            action.run();
        } finally {
            SQL.removeHandler(handler);
        }
        if (!SQL.isLoggable(java.util.logging.Level.FINE)) {
            throw new AssertionError("org.hibernate.SQL is not at DEBUG in this test profile: nothing can be counted"
                    + " (set %test.quarkus.log.category.\"org.hibernate.SQL\".level=DEBUG)");
        }
        synchronized (seen) {
            return new Sent(List.copyOf(seen));
        }
    }
}
