package com.newsmell.profile.rollup;

import java.time.Instant;
import java.util.Comparator;

/**
 * The state of the latest event of some kind (wishlist add or remove, collection add or remove, rating) by event
 * time, ties broken by the larger eventId: so duplicates and out-of-order delivery give the same state, whatever the
 * arrival order (add twice = in once; a remove after an add = out, even when the remove arrives first).
 *
 * @param value the state it set (true/false membership, a rating value)
 */
public record Latest<T>(T value, Instant at, String eventId) {

    static final Comparator<Latest<?>> ORDER =
            Comparator.<Latest<?>, Instant>comparing(Latest::at).thenComparing(Latest::eventId);

    /** The later of two states; either may be null. */
    static <T> Latest<T> later(Latest<T> a, Latest<T> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return ORDER.compare(a, b) >= 0 ? a : b;
    }
}
