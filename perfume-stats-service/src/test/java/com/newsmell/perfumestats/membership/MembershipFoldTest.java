package com.newsmell.perfumestats.membership;

import static com.newsmell.contract.InteractionEventType.COLLECTION_ADD;
import static com.newsmell.contract.InteractionEventType.COLLECTION_REMOVE;
import static com.newsmell.contract.InteractionEventType.COLLECTION_UPDATE;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static com.newsmell.contract.InteractionEventType.WISHLIST_REMOVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.perfumestats.Events;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed, PerfumeInteractionStats: {@code inWishlistCount Int @default(0)}, {@code inCollectionCount Int @default(0)}
 * (how many users have the perfume in the list), changed by {@code WISHLIST_ADD} / {@code WISHLIST_REMOVE} and
 * {@code COLLECTION_ADD} / {@code COLLECTION_REMOVE}; {@code wishlistCount: "immediate"}.
 */
class MembershipFoldTest {

    private static final Instant T = Instant.parse("2026-03-18T13:00:00Z");

    private final Events user = new Events("u-1");

    @Test
    @DisplayName("WISHLIST_ADD on a new pair: inWishlistCount +1, the pair is in the list as of the event")
    void anAddOnANewPairEntersTheList() {
        Membership m = fresh("wishlist");

        var delta = fold(m, user.simple(WISHLIST_ADD, "p1", T));

        assertThat(delta).isEqualTo(Map.of(ListKind.WISHLIST, Map.of("p1", 1)));
        assertThat(m.inList).isTrue();
        assertThat(m.asOf).isEqualTo(T);
    }

    @Test
    @DisplayName("WISHLIST_REMOVE on a new pair (its add not seen yet): no change to the count, the pair is out")
    void aRemoveOnANewPairChangesNoCount() {
        Membership m = fresh("wishlist");

        var delta = fold(m, user.simple(WISHLIST_REMOVE, "p1", T));

        assertThat(delta).isEmpty();
        assertThat(m.inList).isFalse();
        assertThat(m.asOf).isEqualTo(T);
    }

    @Test
    @DisplayName("inWishlistCount: a later add of a pair already in the list counts once (duplicates change nothing)")
    void aRepeatedAddCountsOnce() {
        Membership m = stored("wishlist", true, T);

        var delta = fold(m, user.simple(WISHLIST_ADD, "p1", T.plusSeconds(1)));

        assertThat(delta).isEmpty();
        assertThat(m.inList).isTrue();
        assertThat(m.asOf).isEqualTo(T.plusSeconds(1));
    }

    @Test
    @DisplayName("WISHLIST_REMOVE after the add: inWishlistCount -1")
    void aLaterRemoveLeavesTheList() {
        Membership m = stored("wishlist", true, T);

        var delta = fold(m, user.simple(WISHLIST_REMOVE, "p1", T.plusSeconds(1)));

        assertThat(delta).isEqualTo(Map.of(ListKind.WISHLIST, Map.of("p1", -1)));
        assertThat(m.inList).isFalse();
    }

    @Test
    @DisplayName("inWishlistCount: a remove older than the stored add arrives late and changes nothing;"
            + " on equal event times the first applied stays")
    void anEventNotLaterThanTheStoredOneChangesNothing() {
        Membership m = stored("wishlist", true, T);

        assertThat(fold(m, user.simple(WISHLIST_REMOVE, "p1", T.minusSeconds(1))))
                .isEmpty();
        assertThat(fold(m, user.simple(WISHLIST_REMOVE, "p1", T))).isEmpty();
        assertThat(m.inList).isTrue();
        assertThat(m.asOf).isEqualTo(T);
    }

    @Test
    @DisplayName("inCollectionCount: COLLECTION_ADD / COLLECTION_REMOVE count in the collection, not the wishlist")
    void collectionsAreCountedApart() {
        Membership in = fresh("collection");
        Membership out = stored("collection", true, T);
        out.perfumeId = "p2";
        UserInteractionEvent add = user.simple(COLLECTION_ADD, "p1", T);
        UserInteractionEvent remove = user.simple(COLLECTION_REMOVE, "p2", T.plusSeconds(1));

        var delta = MembershipFold.fold(List.of(in, out), Map.of(in.key(), add, out.key(), remove));

        assertThat(delta).isEqualTo(Map.of(ListKind.COLLECTION, Map.of("p1", 1, "p2", -1)));
        assertThat(in.inList).isTrue();
        assertThat(out.inList).isFalse();
    }

    @Test
    @DisplayName("COLLECTION_UPDATE changes no list; only the add and remove events of a list do")
    void onlyAddsAndRemovesChangeAList() {
        assertThat(ListKind.of(COLLECTION_UPDATE)).isEmpty();
        assertThat(ListKind.of(WISHLIST_REMOVE)).contains(ListKind.WISHLIST);
        assertThat(ListKind.of(COLLECTION_ADD)).contains(ListKind.COLLECTION);
        assertThat(ListKind.isAdd(COLLECTION_ADD)).isTrue();
        assertThat(ListKind.isAdd(WISHLIST_REMOVE)).isFalse();
        assertThat(ListKind.of(InteractionEventType.PERFUME_VIEW)).isEmpty();
    }

    @Test
    @DisplayName("a locked row the batch has no event for (the lock query's superset) is left as it is")
    void rowsWithoutAnEventAreUntouched() {
        Membership m = stored("wishlist", true, T);

        var delta = MembershipFold.fold(List.of(m), Map.of());

        assertThat(delta).isEmpty();
        assertThat(m.inList).isTrue();
        assertThat(m.asOf).isEqualTo(T);
    }

    private Map<ListKind, Map<String, Integer>> fold(Membership m, UserInteractionEvent event) {
        return MembershipFold.fold(List.of(m), Map.of(m.key(), event));
    }

    /** A row just created with its key: no event applied yet. */
    private static Membership fresh(String listKind) {
        Membership m = new Membership();
        m.listKind = listKind;
        m.userKey = "u-1";
        m.perfumeId = "p1";
        return m;
    }

    private static Membership stored(String listKind, boolean inList, Instant asOf) {
        Membership m = fresh(listKind);
        m.inList = inList;
        m.asOf = asOf;
        return m;
    }
}
