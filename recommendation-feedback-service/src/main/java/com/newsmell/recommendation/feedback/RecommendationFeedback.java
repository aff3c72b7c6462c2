package com.newsmell.recommendation.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of the recommendation ledger (the seed's RecommendationFeedback, ADR 0023): one per (recommendationId,
 * perfumeId), holding the facts of its RECOMMENDATION_SHOWN, _CLICKED and _FEEDBACK events, each folded
 * commutatively ({@link FeedbackFold}). The conversions credited to it (viewed, wishlist, collection, rating,
 * purchase) are not stored here: they are computed from the conversion facts (attribution). A row is created with
 * just its key ({@link RecommendationFeedbackRepository#createAndLock}); its surrogate {@code id} is the database's.
 */
@Entity
@Table(name = "recommendation_feedback")
public class RecommendationFeedback {

    @Id
    public Long id;

    @Column(name = "recommendation_id")
    public String recommendationId;

    @Column(name = "perfume_id")
    public String perfumeId;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "user_event_time")
    public Instant userEventTime;

    @Column(name = "anonymous_id")
    public String anonymousId;

    @Column(name = "anonymous_event_time")
    public Instant anonymousEventTime;

    /** The anonymousId of the row's earliest event that had one (ADR 0064): an identity link finds the row by it. */
    @Column(name = "visitor_id")
    public String visitorId;

    @Column(name = "visitor_event_time")
    public Instant visitorEventTime;

    @Column(name = "impression_time")
    public Instant impressionTime;

    @Column(name = "impression_event_id")
    public UUID impressionEventId;

    public String source;

    public String algorithm;

    @Column(name = "algorithm_version")
    public String algorithmVersion;

    public Integer position;

    public Double confidence;

    @Column(name = "similarity_score")
    public Double similarityScore;

    public boolean randomized;

    public boolean clicked;

    @Column(name = "click_time")
    public Instant clickTime;

    @Column(name = "thumbs_up")
    public boolean thumbsUp;

    @Column(name = "thumbs_down")
    public boolean thumbsDown;

    @Column(name = "hid_perfume")
    public boolean hidPerfume;

    @Column(name = "reported_irrelevant")
    public boolean reportedIrrelevant;

    @Column(name = "report_reason")
    public String reportReason;

    @Column(name = "report_time")
    public Instant reportTime;

    @Column(name = "feedback_time")
    public Instant feedbackTime;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
