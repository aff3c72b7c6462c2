package com.newsmell.profile.behavior;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The specification's UserBehaviorProfile (minimal version): one row per userId. A row is created with just its
 * key ({@link UserBehaviorProfileRepository#createAndLock}); {@code created_at} is the database's.
 */
@Entity
@Table(name = "user_behavior_profile")
public class UserBehaviorProfile {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "total_page_views")
    public int totalPageViews;

    @Column(name = "total_searches")
    public int totalSearches;

    @Column(name = "total_interactions")
    public int totalInteractions;

    /** The largest event timestamp; null only inside the transaction that creates the row. */
    @Column(name = "last_active_date")
    public Instant lastActiveDate;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
