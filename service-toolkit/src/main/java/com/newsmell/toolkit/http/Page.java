package com.newsmell.toolkit.http;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The list envelope of every service (ADR 0015): one page of items, the cursor of the next page (absent on the last
 * one) and, for a list bounded by time, the window it covers.
 */
public record Page<T>(
        @Schema(description = "This page's items, in the list's order.")
        List<T> items,

        @Schema(description = "Pass as cursor to get the next page; absent on the last page.")
        String nextCursor,

        @Schema(description = "The window's start (inclusive, UTC), when the list is bounded by time.")
        Instant from,

        @Schema(description = "The window's end (exclusive, UTC), when the list is bounded by time.")
        Instant to,

        @Schema(description = "The time zone that date values of from and to were read in.")
        String tz) {

    public Page(List<T> items, String nextCursor) {
        this(items, nextCursor, null, null, null);
    }

    /** This page, saying the window [from, to) it covers. */
    public Page<T> window(Instant windowFrom, Instant windowTo, String zone) {
        return new Page<>(items, nextCursor, windowFrom, windowTo, zone);
    }

    /**
     * The page from rows fetched with {@code size + 1} as their limit: the first {@code size} rows, as views, and
     * the cursor of the last of them when a further row shows that there is more.
     */
    public static <R, T> Page<T> of(
            List<R> rows, int size, Function<? super R, ? extends T> view, Function<? super R, String> cursor) {
        List<T> items = rows.stream().limit(size).<T>map(view).toList();
        String next = rows.size() > size ? cursor.apply(rows.get(size - 1)) : null;
        return new Page<>(items, next);
    }
}
