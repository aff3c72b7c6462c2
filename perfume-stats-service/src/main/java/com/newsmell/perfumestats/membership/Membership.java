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
import java.util.Objects;

/**
 * Whether one user has one perfume in one list (wishlist or collection), as of the event time of the latest add
 * or remove seen for the pair. An add or remove not later than {@link #asOf} changes nothing, so arrival order
 * and duplicates don't matter.
 */
@Entity
@Table(name = "membership")
@IdClass(Membership.Key.class)
public class Membership extends PanacheEntityBase {

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

    /** The (list, user, perfume) triple; also the entity's id class. */
    public static class Key implements Serializable {

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

        public ListKind kind() {
            return ListKind.ofColumn(listKind);
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

        @Override
        public String toString() {
            return listKind + "/" + userKey + "/" + perfumeId;
        }
    }
}
