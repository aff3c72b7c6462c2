package com.newsmell.profile.behavior;

import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.http.QueryParams;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A request of {@code GET /v1/profiles}: one page of the profiles in (lastActiveDate descending, userId) order after
 * the cursor's profile, optionally only those whose lastActiveDate is in [from, to) (each end optional; dates in tz).
 */
public record ProfileListQuery(TimeWindow window, int limit, Cursor after) {

    public static ProfileListQuery of(String limit, String cursor, String from, String to, String tz) {
        return new ProfileListQuery(TimeWindow.list(from, to, tz, false), Paging.limit(limit), Cursor.decode(cursor));
    }

    /**
     * Keyset position: the last profile of the previous page. The userId is any text (a line break too), so the
     * cursor carries it base64-encoded: the toolkit's cursor separates its parts by line breaks.
     */
    public record Cursor(Instant lastActiveDate, String userId) {

        /** The opaque cursor the API hands out after this profile. */
        public static String of(UserBehaviorProfile profile) {
            return QueryParams.encodeCursor(
                    profile.lastActiveDate.toString(),
                    Base64.getUrlEncoder().encodeToString(profile.userId.getBytes(StandardCharsets.UTF_8)));
        }

        /** The position of a cursor this API returned, null without one; any other is a 400 problem. */
        static Cursor decode(String cursor) {
            String[] parts = QueryParams.decodeCursor(cursor, 2);
            if (parts == null) {
                return null;
            }
            try {
                return new Cursor(
                        Instant.parse(parts[0]),
                        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw QueryParams.badCursor();
            }
        }
    }
}
