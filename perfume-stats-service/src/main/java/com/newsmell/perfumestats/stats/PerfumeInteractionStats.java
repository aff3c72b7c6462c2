package com.newsmell.perfumestats.stats;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The specification's PerfumeInteractionStats: one row per perfumeId. The consumer keeps the counters; the
 * hourly job computes the windows and the trending score as of {@link #windowsAsOf} (the score and the as-of are
 * read-only here, so that a consumer transaction never writes back a stale value over the job's; the job takes
 * the row's lock before it writes the windows, which the consumer then keeps exact for late views). A row is created with just its perfumeId
 * ({@link PerfumeInteractionStatsRepository#createAndLock}); every other column starts at its default.
 */
@Entity
@Table(name = "perfume_interaction_stats")
public class PerfumeInteractionStats {

    @Id
    @Column(name = "perfume_id")
    public String perfumeId;

    @Column(name = "house_id")
    public String houseId;

    @Column(name = "house_seen_at")
    public Instant houseSeenAt;

    // views
    @Column(name = "total_views")
    public int totalViews;

    @Column(name = "unique_viewers")
    public int uniqueViewers;

    @Column(name = "viewers_sketch")
    public byte[] viewersSketch;

    @Column(name = "view_duration_sum")
    public BigDecimal viewDurationSum = BigDecimal.ZERO;

    @Column(name = "view_duration_count")
    public int viewDurationCount;

    @Column(name = "avg_view_duration")
    public double avgViewDuration;

    @Column(name = "last_viewed_at")
    public Instant lastViewedAt;

    // ratings and reviews
    @Column(name = "total_ratings")
    public int totalRatings;

    @Column(name = "overall_sum")
    public BigDecimal overallSum = BigDecimal.ZERO;

    @Column(name = "avg_rating")
    public Double avgRating;

    @Column(name = "longevity_sum")
    public BigDecimal longevitySum = BigDecimal.ZERO;

    @Column(name = "longevity_count")
    public int longevityCount;

    @Column(name = "avg_longevity")
    public Double avgLongevity;

    @Column(name = "sillage_sum")
    public BigDecimal sillageSum = BigDecimal.ZERO;

    @Column(name = "sillage_count")
    public int sillageCount;

    @Column(name = "avg_sillage")
    public Double avgSillage;

    @Column(name = "price_value_sum")
    public BigDecimal priceValueSum = BigDecimal.ZERO;

    @Column(name = "price_value_count")
    public int priceValueCount;

    @Column(name = "avg_price_value")
    public Double avgPriceValue;

    @Column(name = "gender_sum")
    public BigDecimal genderSum = BigDecimal.ZERO;

    @Column(name = "gender_count")
    public int genderCount;

    @Column(name = "avg_gender")
    public Double avgGender;

    @Column(name = "total_reviews")
    public int totalReviews;

    @Column(name = "total_comments")
    public int totalComments;

    // lists and trades
    @Column(name = "in_wishlist_count")
    public int inWishlistCount;

    @Column(name = "in_collection_count")
    public int inCollectionCount;

    @Column(name = "trade_inquiries")
    public int tradeInquiries;

    @Column(name = "trade_completed")
    public int tradeCompleted;

    // search and recommendations
    @Column(name = "search_impressions")
    public int searchImpressions;

    @Column(name = "search_clicks")
    public int searchClicks;

    @Column(name = "search_ctr")
    public Double searchCtr;

    @Column(name = "recommendation_imprs")
    public int recommendationImprs;

    @Column(name = "recommendation_clicks")
    public int recommendationClicks;

    @Column(name = "recommendation_ctr")
    public Double recommendationCtr;

    // the windows: computed by the hourly job as of windowsAsOf; the views consumed later that fall in them are
    // added by the consumer (PerfumeStatsFold), so they stay exact
    @Column(name = "views_last_7_days")
    public int viewsLast7Days;

    @Column(name = "views_last_30_days")
    public int viewsLast30Days;

    /** The hour the windows and the trending score are as of; null until the hourly job computed them. */
    @Column(name = "windows_as_of", insertable = false, updatable = false)
    public Instant windowsAsOf;

    // kept by the hourly job only
    @Column(name = "trending_score", insertable = false, updatable = false)
    public double trendingScore;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
