package com.newsmell.perfumestats.stats;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The specification's PerfumeInteractionStats (minimal version): one row per perfumeId. */
@Entity
@Table(name = "perfume_interaction_stats")
public class PerfumeInteractionStats extends PanacheEntityBase {

    @Id
    @Column(name = "perfume_id")
    public String perfumeId;

    @Column(name = "total_views")
    public int totalViews;

    @Column(name = "in_wishlist_count")
    public int inWishlistCount;

    @Column(name = "last_viewed_at")
    public Instant lastViewedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
