package com.newsmell.profile.profile;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The specification's UserBehaviorProfile (minimal version): one row per userId. */
@Entity
@Table(name = "user_behavior_profile")
public class UserBehaviorProfile extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "total_page_views")
    public int totalPageViews;

    @Column(name = "total_searches")
    public int totalSearches;

    @Column(name = "last_active_date")
    public Instant lastActiveDate;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
