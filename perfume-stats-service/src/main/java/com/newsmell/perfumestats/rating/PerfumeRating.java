package com.newsmell.perfumestats.rating;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One user's latest rating of one perfume (by event time), each value 1-5 as sent (decimals kept exactly) or null
 * when not rated. A row is created with just its key ({@link PerfumeRatingRepository#createAndLock}): until
 * {@link RatingFold} applies its first event, {@link #asOf} and every value are null.
 */
@Entity
@Table(name = "perfume_rating")
@IdClass(PerfumeRating.Key.class)
public class PerfumeRating {

    @Id
    @Column(name = "user_key")
    public String userKey;

    @Id
    @Column(name = "perfume_id")
    public String perfumeId;

    public BigDecimal overall;
    public BigDecimal longevity;
    public BigDecimal sillage;

    @Column(name = "price_value")
    public BigDecimal priceValue;

    public BigDecimal gender;

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

    /** The (user, perfume) pair, ordered as the primary key; also the entity's id class. */
    public static class Key implements Serializable, Comparable<Key> {

        private static final Comparator<Key> ORDER =
                Comparator.<Key, String>comparing(k -> k.userKey).thenComparing(k -> k.perfumeId);

        public String userKey;
        public String perfumeId;

        public Key() {}

        public Key(String userKey, String perfumeId) {
            this.userKey = userKey;
            this.perfumeId = perfumeId;
        }

        @Override
        public int compareTo(Key o) {
            return ORDER.compare(this, o);
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
