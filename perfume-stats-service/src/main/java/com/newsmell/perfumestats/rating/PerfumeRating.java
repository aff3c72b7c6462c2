package com.newsmell.perfumestats.rating;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One user's latest rating of one perfume (by event time), each value 1-5 or null when not rated. */
@Entity
@Table(name = "perfume_rating")
@IdClass(PerfumeRating.Key.class)
public class PerfumeRating extends PanacheEntityBase {

    @Id
    @Column(name = "user_key")
    public String userKey;

    @Id
    @Column(name = "perfume_id")
    public String perfumeId;

    public Short overall;
    public Short longevity;
    public Short sillage;

    @Column(name = "price_value")
    public Short priceValue;

    public Short gender;

    @Column(name = "as_of")
    public Instant asOf;

    public Key key() {
        return new Key(userKey, perfumeId);
    }

    /** The values in {@link RatingValues} order. */
    public RatingValues values() {
        return RatingValues.of(overall, longevity, sillage, priceValue, gender);
    }

    public void set(RatingValues v) {
        overall = v.get(0);
        longevity = v.get(1);
        sillage = v.get(2);
        priceValue = v.get(3);
        gender = v.get(4);
    }

    public static class Key implements Serializable {

        public String userKey;
        public String perfumeId;

        public Key() {}

        public Key(String userKey, String perfumeId) {
            this.userKey = userKey;
            this.perfumeId = perfumeId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userKey, k.userKey) && Objects.equals(perfumeId, k.perfumeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userKey, perfumeId);
        }
    }
}
