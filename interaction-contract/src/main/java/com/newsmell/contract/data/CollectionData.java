package com.newsmell.contract.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * eventData of COLLECTION_ADD, COLLECTION_UPDATE, COLLECTION_REMOVE, WISHLIST_ADD and WISHLIST_REMOVE.
 *
 * @param amount amount text (a JSON number is accepted and kept in its text form)
 * @param available available amount text (idem)
 * @param price price text (idem)
 * @param tradePreference one of {@link #TRADE_PREFERENCES}
 * @param source one of {@link #SOURCES}
 * @param timeInWishlist milliseconds the perfume spent in the wishlist, {@code >= 0}
 * @param changedFields names of the changed fields (updates)
 * @param previousValues raw previous values (updates)
 */
public record CollectionData(
        String amount,
        String available,
        String price,
        String tradePreference,
        String source,
        Double timeInWishlist,
        List<String> changedFields,
        ObjectNode previousValues)
        implements EventData {

    public static final Set<String> TRADE_PREFERENCES = Set.of("cash", "trade", "both");
    public static final Set<String> SOURCES =
            Set.of("detail_page", "wishlist_convert", "import", "recommendation", "search");
}
