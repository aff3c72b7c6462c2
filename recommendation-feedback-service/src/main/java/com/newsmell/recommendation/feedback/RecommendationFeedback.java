package com.newsmell.recommendation.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The specification's RecommendationFeedback (minimal version: impressions and clicks): one row per
 * (recommendationId, userId, perfumeId). {@code userId} is the event's userId, or {@code session:<sessionId>}
 * for an anonymous viewer. A row is created with just its key ({@link RecommendationFeedbackRepository#createAndLock});
 * its surrogate {@code id} is the database's.
 */
@Entity
@Table(name = "recommendation_feedback")
public class RecommendationFeedback {

    @Id
    public Long id;

    @Column(name = "recommendation_id")
    public String recommendationId;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "perfume_id")
    public String perfumeId;

    public String source;

    public String algorithm;

    public Integer position;

    public boolean viewed;

    public boolean clicked;

    @Column(name = "impression_time")
    public Instant impressionTime;

    @Column(name = "first_interaction_time")
    public Instant firstInteractionTime;

    public Double confidence;

    @Column(name = "similarity_score")
    public Double similarityScore;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
