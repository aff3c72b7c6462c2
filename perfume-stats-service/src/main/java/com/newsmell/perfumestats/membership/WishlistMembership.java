package com.newsmell.perfumestats.membership;

import com.newsmell.contract.UserInteractionEvent;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * Whether one user has one perfume in their wishlist, as of the event time of the latest add or remove seen for
 * the pair. An add or remove older than {@link #asOf} changes nothing, so arrival order doesn't matter.
 */
@Entity
@Table(name = "wishlist_membership")
@IdClass(WishlistMembership.Key.class)
public class WishlistMembership extends PanacheEntityBase {

    @Id
    @Column(name = "user_key")
    public String userKey;

    @Id
    @Column(name = "perfume_id")
    public String perfumeId;

    @Column(name = "in_list")
    public boolean inList;

    @Column(name = "as_of")
    public Instant asOf;

    public Key key() {
        return new Key(userKey, perfumeId);
    }

    /** The user an event belongs to: its userId, else its session ({@code session:<sessionId>}). */
    public static String userKey(UserInteractionEvent event) {
        return event.userId() != null && !event.userId().isBlank() ? event.userId() : "session:" + event.sessionId();
    }

    /** The (user, perfume) pair; also the entity's id class. */
    public static class Key implements Serializable {

        public String userKey;
        public String perfumeId;

        public Key() {}

        public Key(String userKey, String perfumeId) {
            this.userKey = userKey;
            this.perfumeId = perfumeId;
        }

        public static Key of(UserInteractionEvent event) {
            return new Key(userKey(event), event.perfumeId());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && java.util.Objects.equals(userKey, k.userKey)
                    && java.util.Objects.equals(perfumeId, k.perfumeId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(userKey, perfumeId);
        }

        @Override
        public String toString() {
            return userKey + "/" + perfumeId;
        }
    }
}
