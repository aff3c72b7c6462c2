package com.newsmell.perfumestats.membership;

import com.newsmell.contract.UserInteractionEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Whether one user has one perfume in one list (wishlist or collection), as of the event time of the latest add
 * or remove seen for the pair. An add or remove not later than {@link #asOf} changes nothing, so arrival order
 * and duplicates don't matter. A row is created with just its key ({@link MembershipRepository#createAndLock}):
 * until {@link MembershipFold} applies its first event, {@link #asOf} is null and the pair is not in the list.
 */
@Entity
@Table(name = "membership")
@IdClass(Membership.Key.class)
public class Membership {

    @Id
    @Column(name = "list_kind")
    public String listKind;

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
        return new Key(listKind, userKey, perfumeId);
    }

    /** The (list, user, perfume) triple, ordered as the primary key; also the entity's id class. */
    public static class Key implements Serializable, Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.<Key, String>comparing(k -> k.listKind)
                .thenComparing(k -> k.userKey)
                .thenComparing(k -> k.perfumeId);

        public String listKind;
        public String userKey;
        public String perfumeId;

        public Key() {}

        public Key(String listKind, String userKey, String perfumeId) {
            this.listKind = listKind;
            this.userKey = userKey;
            this.perfumeId = perfumeId;
        }

        public static Key of(ListKind kind, UserInteractionEvent event) {
            return new Key(kind.column(), UserKeys.of(event), event.perfumeId());
        }

        @Override
        public int compareTo(Key o) {
            return ORDER.compare(this, o);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(listKind, k.listKind)
                    && Objects.equals(userKey, k.userKey)
                    && Objects.equals(perfumeId, k.perfumeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(listKind, userKey, perfumeId);
        }
    }
}
