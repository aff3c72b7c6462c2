package com.newsmell.toolkit.observability;

import java.util.Locale;

/**
 * The {@code reason} label of {@code newsmell_events_dead_lettered_total}: a dead letter's reason is free text (it
 * names the field and the rule, for people), the label one of a few categories (for alerts).
 */
public final class DeadLetterReasons {

    /** The event did not decode or broke a rule of the contract (the collector's reasons are its errors, as JSON). */
    public static final String INVALID_EVENT = "invalid_event";
    /** The event could not be applied to the database, even alone. */
    public static final String APPLY_FAILED = "apply_failed";
    /**
     * The service refused the record on its own grounds: a click without the search it names, a catalog, summary
     * or audit record that breaks its format.
     */
    public static final String REJECTED = "rejected";

    private DeadLetterReasons() {}

    public static String category(String reason) {
        if (reason == null || reason.isBlank()) {
            return REJECTED;
        }
        String r = reason.strip().toLowerCase(Locale.ROOT);
        if (r.startsWith("[") || r.startsWith("invalid event")) {
            return INVALID_EVENT;
        }
        if (r.contains("could not be applied") || r.contains("could not be checked")) {
            return APPLY_FAILED;
        }
        return REJECTED;
    }
}
