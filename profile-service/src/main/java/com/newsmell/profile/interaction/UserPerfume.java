package com.newsmell.profile.interaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/**
 * One user's relation with one perfume as the rollup {@code user_perfume} holds it (V7, V8; README "What it owns"),
 * read-only: the consumer writes the table with one statement per batch ({@code rollup.RollupRepository}). Only the
 * columns the interaction features read are mapped; the json columns are read as their text.
 */
@Entity
@Immutable
@Table(name = "user_perfume")
@IdClass(UserPerfume.Key.class)
public class UserPerfume {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    @Column(name = "perfume_id")
    public String perfumeId;

    /** PERFUME_VIEW events. */
    public long views;

    /** Their summed duration, ms (eventData.viewDuration, else the envelope's duration). */
    @Column(name = "view_duration_ms")
    public double viewDurationMs;

    /** The views' eventData.source, as a json object of counts. */
    @ColumnTransformer(read = "cast(sources as text)")
    public String sources;

    /** The views' deviceType, as a json object of counts. */
    @Column(name = "device_types")
    @ColumnTransformer(read = "cast(device_types as text)")
    public String deviceTypes;

    @Column(name = "first_interaction")
    public Instant firstInteraction;

    @Column(name = "last_interaction")
    public Instant lastInteraction;

    /** The latest wishlist add (true) or remove (false); null: neither. */
    @Column(name = "wishlist_in")
    public Boolean wishlistIn;

    /** The latest collection add (true) or remove (false); null: neither. */
    @Column(name = "collection_in")
    public Boolean collectionIn;

    /** The overall value of the latest RATING_COMPLETED or RATING_UPDATED that carried one; null: not rated. */
    @Column(name = "rating_value")
    public BigDecimal ratingValue;

    /** A REVIEW_SUBMITTED arrived. */
    public boolean reviewed;

    /** Every counted event with the perfume (V8); null for a row written before V8 (unknown). */
    public Long interactions;

    /** The latest PERFUME_VIEW (V8); null without one, or for a row viewed only before V8. */
    @Column(name = "last_viewed_at")
    public Instant lastViewedAt;

    /** The (user, perfume) pair: the table's primary key and the entity's id class. */
    public static class Key implements Serializable {

        public String userId;
        public String perfumeId;

        public Key() {}

        public Key(String userId, String perfumeId) {
            this.userId = userId;
            this.perfumeId = perfumeId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(perfumeId, k.perfumeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, perfumeId);
        }
    }
}
