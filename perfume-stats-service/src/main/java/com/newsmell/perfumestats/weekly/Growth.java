package com.newsmell.perfumestats.weekly;

/**
 * Week-over-week growth (the seed's viewGrowth and wishlistGrowth; README "Weekly trends"):
 *
 * <pre>
 *   growth = (week − previousWeek) / max(previousWeek, 1)
 * </pre>
 *
 * A fraction: 0.5 is +50 %, −1 is down to nothing, 0 is unchanged (and no events in either week). A perfume with
 * nothing the week before grows by its count of this week (the max(·, 1) keeps it finite), so a first week of 3
 * views is +3.0, the same as going from 1 to 4.
 */
public final class Growth {

    private Growth() {}

    public static double weekOverWeek(long week, long previousWeek) {
        return (double) (week - previousWeek) / Math.max(previousWeek, 1);
    }
}
