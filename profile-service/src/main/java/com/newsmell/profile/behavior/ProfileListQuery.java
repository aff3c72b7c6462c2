package com.newsmell.profile.behavior;

import com.newsmell.profile.calculation.BrowsingStyle;
import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.http.QueryParams;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * A request of {@code GET /v1/profiles}: one page of the profiles in the sort's order (lastActiveDate or
 * engagementScore descending, then userId) after the cursor's profile, optionally only those of one browsingStyle,
 * with an engagementScore of at least minEngagement, and whose lastActiveDate is in [from, to).
 */
public record ProfileListQuery(
        TimeWindow window, int limit, Sort sort, BrowsingStyle browsingStyle, Double minEngagement, Cursor after) {

    /** The list's orders, each served by its index (V4, V7: the seed's two). */
    public enum Sort {
        lastActiveDate,
        engagementScore
    }

    public static ProfileListQuery of(
            String limit,
            String cursor,
            String from,
            String to,
            String tz,
            String sort,
            String browsingStyle,
            String minEngagement) {
        Sort order = QueryParams.oneOf(
                "sort",
                sort,
                Map.of(
                        Sort.lastActiveDate.name(),
                        Sort.lastActiveDate,
                        Sort.engagementScore.name(),
                        Sort.engagementScore),
                Sort.lastActiveDate);
        BrowsingStyle style = null;
        if (!QueryParams.blank(browsingStyle)) {
            style = BrowsingStyle.fromName(browsingStyle.trim());
            if (style == null) {
                throw QueryParams.bad(
                        "browsingStyle",
                        "enum",
                        "browsingStyle must be one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(BrowsingStyle.values())
                                                .map(Enum::name)
                                                .toList())
                                + ".");
            }
        }
        return new ProfileListQuery(
                TimeWindow.list(from, to, tz, false),
                Paging.limit(limit),
                order,
                style,
                score(minEngagement),
                Cursor.decode(cursor, order));
    }

    private static Double score(String value) {
        if (QueryParams.blank(value)) {
            return null;
        }
        double score;
        try {
            score = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw QueryParams.bad("minEngagement", "type", "minEngagement must be a number.");
        }
        if (!(score >= 0 && score <= 100)) {
            throw QueryParams.bad("minEngagement", "range", "minEngagement must be between 0 and 100.");
        }
        return score;
    }

    /**
     * Keyset position: the last profile of the previous page, in the order it was listed in. The parts are its
     * lastActiveDate, the sort, its engagementScore and its userId.
     */
    public record Cursor(Instant lastActiveDate, Sort sort, double engagementScore, String userId) {

        /** The opaque cursor the API hands out after this profile. */
        public static String of(UserBehaviorProfile profile, Sort sort) {
            return QueryParams.encodeCursor(
                    profile.lastActiveDate.toString(),
                    sort.name(),
                    Double.toString(profile.engagementScore),
                    profile.userId);
        }

        /** The position of a cursor this API returned for this sort, null without one; any other is a 400 problem. */
        static Cursor decode(String cursor, Sort sort) {
            String[] parts = QueryParams.decodeCursor(cursor, 4);
            if (parts == null) {
                return null;
            }
            try {
                if (!parts[1].equals(sort.name())) {
                    throw QueryParams.bad("cursor", "format", "cursor belongs to another sort than " + sort + ".");
                }
                return new Cursor(Instant.parse(parts[0]), sort, Double.parseDouble(parts[2]), parts[3]);
            } catch (IllegalArgumentException e) {
                throw QueryParams.badCursor();
            }
        }
    }
}
