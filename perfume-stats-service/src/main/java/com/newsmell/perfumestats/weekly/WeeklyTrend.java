package com.newsmell.perfumestats.weekly;

/**
 * One perfume's counts of a week and of the week before it (non-bot events by event time, from the daily buckets),
 * and the growth of each ({@link Growth}).
 *
 * @param perfumeId the perfume
 * @param views PERFUME_VIEW events in the week
 * @param previousViews PERFUME_VIEW events in the 7 days before it
 * @param wishlistAdds WISHLIST_ADD events in the week (removes are not counted)
 * @param previousWishlistAdds WISHLIST_ADD events in the 7 days before it
 */
public record WeeklyTrend(
        String perfumeId, long views, long previousViews, long wishlistAdds, long previousWishlistAdds) {

    /** viewGrowth: the views' week-over-week growth. */
    public double viewGrowth() {
        return Growth.weekOverWeek(views, previousViews);
    }

    /** wishlistGrowth: the wishlist adds' week-over-week growth. */
    public double wishlistGrowth() {
        return Growth.weekOverWeek(wishlistAdds, previousWishlistAdds);
    }
}
