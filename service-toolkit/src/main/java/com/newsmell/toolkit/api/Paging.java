package com.newsmell.toolkit.api;

import com.newsmell.toolkit.http.QueryParams;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code limit} and {@code cursor}, the same on every list (ADR 0015): limit 1 to {@link ApiConvention#MAX_LIMIT},
 * default {@link ApiConvention#DEFAULT_LIMIT}; the cursor is opaque, the {@code nextCursor} of the previous page.
 * Keyset lists encode their last row ({@link QueryParams#encodeCursor}); computed rankings encode an offset here.
 */
public final class Paging {

    /** The deepest a ranking can be paged (an offset cursor beyond it is not one this API returned). */
    public static final int MAX_OFFSET = 10_000_000;

    private Paging() {}

    public static int limit(String value) {
        return QueryParams.integer("limit", value, ApiConvention.DEFAULT_LIMIT, 1, ApiConvention.MAX_LIMIT);
    }

    /** The offset a ranking's cursor names; 0 without a cursor. */
    public static int offset(String cursor) {
        if (QueryParams.blank(cursor)) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (!raw.startsWith("o:")) {
                throw new IllegalArgumentException(raw);
            }
            int offset = Integer.parseInt(raw.substring(2));
            if (offset < 0 || offset > MAX_OFFSET) {
                throw new IllegalArgumentException(raw);
            }
            return offset;
        } catch (RuntimeException e) {
            throw QueryParams.badCursor();
        }
    }

    /** The cursor of the page after one that started at {@code offset} and held {@code limit} rows. */
    public static String offsetCursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }
}
