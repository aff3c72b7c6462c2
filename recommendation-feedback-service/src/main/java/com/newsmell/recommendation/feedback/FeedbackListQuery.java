package com.newsmell.recommendation.feedback;

import com.newsmell.recommendation.attribution.LedgerRepository;
import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.http.QueryParams;
import java.time.Instant;
import java.util.List;

/**
 * A request of {@code GET /v1/recommendations/feedback}: the impressions of a window bounded by time alone (both
 * ends required, at most {@link ApiConvention#MAX_LIST_DAYS} days) or of one user (the window optional, ADR 0015:
 * "narrow the range or filter by an id"), optionally of one algorithm ({@code (unknown)}: none), one page in
 * (impressionTime, id) order after the cursor's row.
 *
 * @param algorithm the algorithm, {@link ApiConvention#UNKNOWN} for rows without one, or null for every algorithm
 * @param userId the viewer (their own rows and their stitched sessions'), or null for every viewer
 */
public record FeedbackListQuery(TimeWindow window, String algorithm, String userId, int limit, Cursor after) {

    public static FeedbackListQuery of(
            String from, String to, String tz, String algorithm, String limit, String cursor) {
        return of(from, to, tz, algorithm, null, limit, cursor);
    }

    public static FeedbackListQuery of(
            String from, String to, String tz, String algorithm, String userId, String limit, String cursor) {
        String user = QueryParams.blankToNull(userId);
        return new FeedbackListQuery(
                TimeWindow.list(from, to, tz, user == null),
                QueryParams.blankToNull(algorithm),
                user == null ? null : user.trim(),
                Paging.limit(limit),
                Cursor.decode(cursor));
    }

    /** The ledger read of these users' pages: each user's first {@code limit + 1} rows after the cursor. */
    public LedgerRepository.UserRows userRows(List<String> userIds) {
        return new LedgerRepository.UserRows(
                userIds,
                window.from(),
                window.to(),
                algorithm,
                after == null ? null : after.impressionTime(),
                after == null ? null : after.id(),
                limit + 1);
    }

    /** Keyset position: the last row of the previous page. */
    public record Cursor(Instant impressionTime, long id) {

        /** The opaque cursor the API hands out after this row. */
        public static String of(RecommendationFeedback row) {
            return of(row.impressionTime, row.id);
        }

        /** The opaque cursor the API hands out after the row of this impression time and id. */
        public static String of(Instant impressionTime, long id) {
            return QueryParams.encodeCursor(impressionTime.toString(), Long.toString(id));
        }

        /** The position of a cursor this API returned, null without one; any other is a 400 problem. */
        static Cursor decode(String cursor) {
            String[] parts = QueryParams.decodeCursor(cursor, 2);
            if (parts == null) {
                return null;
            }
            try {
                return new Cursor(Instant.parse(parts[0]), Long.parseLong(parts[1]));
            } catch (RuntimeException e) {
                throw QueryParams.badCursor();
            }
        }
    }
}
