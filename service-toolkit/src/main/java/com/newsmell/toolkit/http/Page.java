package com.newsmell.toolkit.http;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paged list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

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
