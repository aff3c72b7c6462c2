package com.newsmell.perfumestats.timeseries;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.data.PageViewData;
import com.newsmell.perfumestats.event.Decimals;
import java.math.BigDecimal;

/**
 * Event counts of one perfume, over a batch or one time bucket: the columns of the hourly and daily buckets
 * ({@link BucketRepository}), and the counter fields of PerfumeInteractionStats they add to.
 */
public final class Counters {

    public int views;
    /** In ms, exact (a decimal viewDuration such as 1234.5 is kept). */
    public BigDecimal viewDurationSum = BigDecimal.ZERO;

    public int viewDurationCount;
    public int ratings;
    public int reviews;
    public int wishlistAdds;
    public int collectionAdds;
    public int tradeInquiries;
    public int tradeCompleted;
    public int searchImpressions;
    public int searchClicks;
    public int recommendationImprs;
    public int recommendationClicks;

    /** Counts one event of this perfume (not search impressions: see {@link #addSearchImpression()}). */
    public void add(UserInteractionEvent event) {
        switch (event.eventType()) {
            case PERFUME_VIEW -> {
                views++;
                BigDecimal duration = viewDuration(event);
                if (duration != null) {
                    viewDurationSum = viewDurationSum.add(duration);
                    viewDurationCount++;
                }
            }
            case RATING_COMPLETED, RATING_UPDATED -> ratings++;
            case REVIEW_SUBMITTED -> reviews++;
            case WISHLIST_ADD -> wishlistAdds++;
            case COLLECTION_ADD -> collectionAdds++;
            case TRADE_INQUIRY -> tradeInquiries++;
            case TRADE_ACCEPTED -> tradeCompleted++;
            case SEARCH_RESULT_CLICKED -> searchClicks++;
            case RECOMMENDATION_SHOWN -> recommendationImprs++;
            case RECOMMENDATION_CLICKED -> recommendationClicks++;
            default -> {}
        }
    }

    public void addSearchImpression() {
        searchImpressions++;
    }

    /** The view's duration in ms: eventData.viewDuration, else the envelope's duration; null without one. */
    static BigDecimal viewDuration(UserInteractionEvent event) {
        if (event.data() instanceof PageViewData page && page.viewDuration() != null) {
            return Decimals.of(page.viewDuration());
        }
        return Decimals.of(event.duration());
    }

    /** The event types counted per perfume (besides memberships, ratings and search impressions). */
    public static boolean counts(InteractionEventType type) {
        return switch (type) {
            case PERFUME_VIEW,
                    RATING_COMPLETED,
                    RATING_UPDATED,
                    REVIEW_SUBMITTED,
                    WISHLIST_ADD,
                    COLLECTION_ADD,
                    TRADE_INQUIRY,
                    TRADE_ACCEPTED,
                    SEARCH_RESULT_CLICKED,
                    RECOMMENDATION_SHOWN,
                    RECOMMENDATION_CLICKED -> true;
            default -> false;
        };
    }
}
