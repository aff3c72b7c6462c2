package com.newsmell.profile.behavior;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.ColumnTransformer;

/**
 * The specification's UserBehaviorProfile: one row per userId. The consumer creates it and keeps
 * {@code lastActiveDate} (real time, the largest event timestamp); every other field is written by a run of the daily
 * job or a recompute ({@link UserBehaviorProfileRepository#save}), as of {@link #asOf}. Read-only here: the json
 * columns are read as their text ({@link ProfileJson} decodes them).
 */
@Entity
@Table(name = "user_behavior_profile")
public class UserBehaviorProfile {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "last_active_date")
    public Instant lastActiveDate;

    @Column(name = "preferred_notes", insertable = false, updatable = false)
    @ColumnTransformer(read = "cast(preferred_notes as text)")
    public String preferredNotes;

    @Column(name = "preferred_houses", insertable = false, updatable = false)
    @ColumnTransformer(read = "cast(preferred_houses as text)")
    public String preferredHouses;

    @Column(name = "preferred_price_range", insertable = false, updatable = false)
    @ColumnTransformer(read = "cast(preferred_price_range as text)")
    public String preferredPriceRange;

    @Column(name = "preferred_perfume_types", insertable = false, updatable = false)
    @ColumnTransformer(read = "cast(preferred_perfume_types as text)")
    public String preferredPerfumeTypes;

    @Column(name = "total_sessions", insertable = false, updatable = false)
    public long totalSessions;

    @Column(name = "total_page_views", insertable = false, updatable = false)
    public long totalPageViews;

    @Column(name = "total_perfumes_viewed", insertable = false, updatable = false)
    public long totalPerfumesViewed;

    @Column(name = "total_searches", insertable = false, updatable = false)
    public long totalSearches;

    @Column(name = "total_interactions", insertable = false, updatable = false)
    public long totalInteractions;

    @Column(name = "avg_session_duration_ms", insertable = false, updatable = false)
    public double avgSessionDurationMs;

    @Column(name = "total_ratings", insertable = false, updatable = false)
    public long totalRatings;

    @Column(name = "avg_rating_value", insertable = false, updatable = false)
    public Double avgRatingValue;

    @Column(name = "total_reviews", insertable = false, updatable = false)
    public long totalReviews;

    @Column(name = "avg_review_length", insertable = false, updatable = false)
    public Double avgReviewLength;

    @Column(name = "collection_size", insertable = false, updatable = false)
    public long collectionSize;

    @Column(name = "wishlist_size", insertable = false, updatable = false)
    public long wishlistSize;

    @Column(name = "trading_activity", insertable = false, updatable = false)
    public long tradingActivity;

    @Column(name = "active_time_of_day", insertable = false, updatable = false)
    @ColumnTransformer(read = "cast(active_time_of_day as text)")
    public String activeTimeOfDay;

    @Column(name = "active_days_of_week", insertable = false, updatable = false)
    @ColumnTransformer(read = "cast(active_days_of_week as text)")
    public String activeDaysOfWeek;

    @Column(name = "search_patterns", insertable = false, updatable = false)
    @ColumnTransformer(read = "cast(search_patterns as text)")
    public String searchPatterns;

    @Column(name = "browsing_style", insertable = false, updatable = false)
    public String browsingStyle;

    @Column(name = "engagement_score", insertable = false, updatable = false)
    public double engagementScore;

    @Column(name = "usual_gap_days", insertable = false, updatable = false)
    public Double usualGapDays;

    @Column(name = "window_start", insertable = false, updatable = false)
    public LocalDate windowStart;

    @Column(name = "as_of", insertable = false, updatable = false)
    public Instant asOf;

    @Column(name = "computed_by", insertable = false, updatable = false)
    public String computedBy;

    /** The segment of the latest weekly segmentation that included the user (written by the segments job). */
    @Column(name = "segment_id", insertable = false, updatable = false)
    public String segmentId;

    @Column(name = "segment_week", insertable = false, updatable = false)
    public LocalDate segmentWeek;
}
