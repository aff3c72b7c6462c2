package com.newsmell.perfumestats.membership;

import com.newsmell.contract.InteractionEventType;
import java.util.Optional;

/** The two lists with set semantics per (user, perfume): a wishlist and a collection. */
public enum ListKind {
    WISHLIST("wishlist"),
    COLLECTION("collection");

    private final String column;

    ListKind(String column) {
        this.column = column;
    }

    /** The value of membership.list_kind. */
    public String column() {
        return column;
    }

    public static ListKind ofColumn(String column) {
        return "collection".equals(column) ? COLLECTION : WISHLIST;
    }

    /** The list an add/remove event changes; COLLECTION_UPDATE and every other type change none. */
    public static Optional<ListKind> of(InteractionEventType type) {
        return switch (type) {
            case WISHLIST_ADD, WISHLIST_REMOVE -> Optional.of(WISHLIST);
            case COLLECTION_ADD, COLLECTION_REMOVE -> Optional.of(COLLECTION);
            default -> Optional.empty();
        };
    }

    /** Whether the event puts the pair in (an add) rather than taking it out. */
    public static boolean isAdd(InteractionEventType type) {
        return type == InteractionEventType.WISHLIST_ADD || type == InteractionEventType.COLLECTION_ADD;
    }
}
