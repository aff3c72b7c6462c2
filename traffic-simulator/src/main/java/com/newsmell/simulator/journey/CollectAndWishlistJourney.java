package com.newsmell.simulator.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.simulator.world.Catalog;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The visitor's wishlist and collection during the session: wishes added on perfume pages, perfumes collected
 * (from the wishlist or directly), a look at the own collection, and a wish dropped at the end of the session.
 */
final class CollectAndWishlistJourney extends Journey {

    private static final String[] SIZES = {"5ml", "10ml", "30ml", "50ml", "75ml", "100ml"};
    private static final String[] TRADE_PREFERENCES = {"cash", "trade", "both"};

    /** Perfume id to the session clock when it was added; in the order added. */
    private final Map<String, Long> wishlist = new LinkedHashMap<>();

    private final Set<String> collected = new HashSet<>();

    CollectAndWishlistJourney(JourneyContext session, Visit visit) {
        super(session, visit);
    }

    /** Adds a perfume not yet wished for nor collected to the wishlist, likelier with more intent. */
    void considerWishing(Catalog.Perfume p, String source, double intent) {
        if (!wishlist.containsKey(p.id()) && !collected.contains(p.id()) && rng.nextDouble() < 0.2 + 0.5 * intent) {
            addToWishlist(p, source);
        }
    }

    /** Collects a perfume not yet collected, likelier when wished for and with more intent. */
    void considerCollecting(Catalog.Perfume p, String source, double intent) {
        if (!collected.contains(p.id())
                && rng.nextDouble() < (wishlist.containsKey(p.id()) ? 0.2 : 0.05) + 0.1 * intent) {
            collect(p, source);
        }
    }

    private void addToWishlist(Catalog.Perfume p, String source) {
        session.emit(
                        InteractionEventType.WISHLIST_ADD,
                        session.inPageGap(),
                        session.obj().put("source", source).put("price", price(p)))
                .perfumeId(p.id())
                .houseId(p.houseId())
                .value(p.price());
        wishlist.put(p.id(), session.clock());
    }

    /** Adds a perfume to the collection (a wish converted, if it was on the wishlist). */
    private void collect(Catalog.Perfume p, String source) {
        Long addedAt = wishlist.get(p.id());
        String size = SIZES[rng.nextInt(SIZES.length)];
        ObjectNode data = session.obj()
                .put("amount", size)
                .put(
                        "available",
                        (int) (Integer.parseInt(size.replace("ml", "")) * (0.2 + 0.8 * rng.nextDouble())) + "ml")
                .put("price", price(p))
                .put("tradePreference", TRADE_PREFERENCES[rng.nextInt(3)])
                .put("source", addedAt != null ? "wishlist_convert" : source);
        if (addedAt != null) {
            data.put("timeInWishlist", session.clock() - addedAt);
        }
        session.emit(InteractionEventType.COLLECTION_ADD, session.inPageGap(), data)
                .perfumeId(p.id())
                .houseId(p.houseId())
                .value(p.price());
        collected.add(p.id());
        if (addedAt != null) {
            removeFromWishlist(p, "wishlist_convert", session.inPageGap());
        }
    }

    /** At the end of a session, a logged-in visitor sometimes drops the oldest wish (unless collected). */
    void regret() {
        if (session.loggedIn() && !wishlist.isEmpty() && rng.nextDouble() < 0.15) {
            String perfumeId = wishlist.keySet().iterator().next();
            if (!collected.contains(perfumeId)) {
                session.navigate("/wishlist", null);
                removeFromWishlist(catalog.perfume(perfumeId), "detail_page", session.pageGap());
            }
        }
    }

    /** The visitor's own collection or wishlist page. */
    void ownCollection() {
        session.navigate(rng.nextBoolean() ? "/collection" : "/wishlist", null);
        double duration = session.millis(3_000, 40_000);
        session.emit(
                        InteractionEventType.COLLECTION_VIEW,
                        session.pageGap(),
                        session.pageData("My collection", duration, "direct"))
                .duration(JourneyContext.wholeMillis(duration));
    }

    private void removeFromWishlist(Catalog.Perfume p, String source, long gapMillis) {
        session.emit(
                        InteractionEventType.WISHLIST_REMOVE,
                        gapMillis,
                        session.obj()
                                .put("source", source)
                                .put("timeInWishlist", session.clock() - wishlist.get(p.id())))
                .perfumeId(p.id())
                .houseId(p.houseId());
        wishlist.remove(p.id());
    }

    private static String price(Catalog.Perfume p) {
        return String.format(Locale.ROOT, "%.2f", p.price());
    }
}
