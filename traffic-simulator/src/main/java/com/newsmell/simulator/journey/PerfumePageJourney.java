package com.newsmell.simulator.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.simulator.world.Catalog;
import java.util.ArrayList;
import java.util.List;

/**
 * A perfume's page and what happens on it: the notes and images looked at, then (the more the visitor likes the
 * perfume, the likelier) the wishlist, a rating, the collection or a trade, which need an account; then maybe on
 * to a recommendation, a similar perfume or the house.
 */
final class PerfumePageJourney extends Journey {

    PerfumePageJourney(JourneyContext session, Visit visit) {
        super(session, visit);
    }

    /**
     * A perfume detail page and what happens on it.
     *
     * @param source how the visitor got here (PageViewData source)
     * @param collectionSource the source recorded by wishlist/collection events (CollectionData source)
     * @param depth how many pages deep the visitor followed links from a list or search (0 to 2)
     * @param externalReferrer the referrer when arriving from another site, else null
     */
    void view(Catalog.Perfume p, String source, String collectionSource, int depth, String externalReferrer) {
        if (!session.room()) {
            return;
        }
        session.navigate("/perfumes/" + p.id(), externalReferrer);
        double affinity = session.taste.affinity(p);
        double viewDuration = JourneyContext.tenths(4_000 + rng.nextDouble() * 30_000 + affinity * 60_000);
        ObjectNode data = session.pageData(session.title(p), viewDuration, source);
        double scrollDepth = Math.min(100, JourneyContext.tenths(15 + affinity * 60 + rng.nextDouble() * 30));
        data.put("scrollDepth", scrollDepth);
        session.emit(InteractionEventType.PERFUME_VIEW, session.pageGap(), data)
                .perfumeId(p.id())
                .houseId(p.houseId())
                .duration(JourneyContext.wholeMillis(viewDuration));
        Page page = new Page(p, session.clock(), scrollDepth);
        if (rng.nextDouble() < 0.3 + 0.35 * affinity) {
            notes(page);
        }
        if (rng.nextDouble() < 0.4) {
            images(page);
        }
        double intent = 0.7 * affinity + 0.3 * session.user.engagement();
        if (rng.nextDouble() < 0.1 + 0.45 * intent * intent && session.account()) {
            conversions(p, collectionSource, intent);
        } else if (!session.loggedIn() && rng.nextDouble() < 0.05) {
            // Hit the login wall and gave up.
            session.loginPage();
            return;
        }
        if (depth < 2 && session.room()) {
            moveOn(page, depth);
        }
    }

    /**
     * The perfume page the visitor is on: when it was opened (session clock) and how far down it was scrolled
     * (percent), which place the page's engagement events (the seed's EngagementEvent {@code pageScrollPosition} and
     * {@code timeOnPage}, on the event).
     */
    private record Page(Catalog.Perfume perfume, long openedAt, double scrollDepth) {}

    /** Milliseconds on the page at the session's current clock (the event just emitted). */
    private double timeOnPage(Page page) {
        return session.clock() - page.openedAt();
    }

    /** Expands one layer of the pyramid of notes (half way down the page), sometimes collapses it again. */
    private void notes(Page page) {
        Catalog.Perfume p = page.perfume();
        Catalog.Layer layer = Catalog.Layer.values()[rng.nextInt(3)];
        List<String> layerNotes = p.notes(layer);
        String noteId = layerNotes.get(rng.nextInt(layerNotes.size()));
        double expand = session.millis(1_000, 15_000);
        session.emit(
                        InteractionEventType.NOTES_EXPANDED,
                        session.inPageGap(),
                        session.obj().put("noteType", layer.wireName()).put("expandDuration", expand))
                .perfumeId(p.id())
                .houseId(p.houseId())
                .noteId(noteId)
                .pageScrollPosition(session.scrollPosition(20 + rng.nextDouble() * 60))
                .timeOnPage(timeOnPage(page));
        if (rng.nextDouble() < 0.25) {
            session.emit(
                            InteractionEventType.NOTES_COLLAPSED,
                            JourneyContext.wholeMillis(expand),
                            session.obj().put("noteType", layer.wireName()).put("expandDuration", expand))
                    .perfumeId(p.id())
                    .noteId(noteId);
        }
    }

    /** Looks at one of the images (the gallery is at the top of the page), sometimes zoomed in. */
    private void images(Page page) {
        Catalog.Perfume p = page.perfume();
        int image = rng.nextInt(4);
        session.emit(
                        InteractionEventType.IMAGE_VIEWED,
                        session.inPageGap(),
                        session.obj()
                                .put("imageIndex", image)
                                .put("viewDuration", session.millis(500, 8_000))
                                .put("zoomed", false))
                .perfumeId(p.id())
                .pageScrollPosition(0.0)
                .timeOnPage(timeOnPage(page));
        if (rng.nextDouble() < 0.3) {
            session.emit(
                            InteractionEventType.IMAGE_ZOOMED,
                            session.inPageGap(),
                            session.obj()
                                    .put("imageIndex", image)
                                    .put("zoomed", true)
                                    .put("viewDuration", session.millis(500, 8_000)))
                    .perfumeId(p.id());
        }
    }

    /**
     * Wishlist, rating/review, collection and trade on a perfume page (the visitor is logged in); each likelier the
     * higher the visitor's {@code intent} (0..1).
     */
    private void conversions(Catalog.Perfume p, String collectionSource, double intent) {
        visit.collectAndWishlist.considerWishing(p, collectionSource, intent);
        visit.rateAndReview.considerRating(p, intent);
        visit.collectAndWishlist.considerCollecting(p, collectionSource, intent);
        visit.trade.considerTrading(p);
    }

    /** Leaves the page for a recommendation, a similar perfume or the house's page (or not at all). */
    private void moveOn(Page page, int depth) {
        Catalog.Perfume p = page.perfume();
        double r = rng.nextDouble();
        if (r < 0.25) {
            visit.recommendations.show("detail_page", p, depth);
        } else if (r < 0.33) {
            similarClick(page, depth);
        } else if (r < 0.38) {
            session.emit(InteractionEventType.HOUSE_LINK_CLICKED, session.inPageGap(), session.obj())
                    .perfumeId(p.id())
                    .houseId(p.houseId())
                    .timeOnPage(timeOnPage(page));
            visit.browse.house(p.houseId());
        }
    }

    /** Clicks one of the six most similar perfumes (at the foot of the scrolled page), then views it. */
    private void similarClick(Page page, int depth) {
        Catalog.Perfume from = page.perfume();
        List<Catalog.Perfume> all = catalog.perfumes();
        double[] scores = new double[all.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = all.get(i).id().equals(from.id()) ? -1 : catalog.similarity(from, all.get(i));
        }
        List<Catalog.Perfume> similar = RecommendationJourney.top(all, scores, 6);
        int position = rng.nextInt(similar.size());
        Catalog.Perfume target = similar.get(position);
        List<String> shared = new ArrayList<>(from.allNotes());
        shared.retainAll(target.allNotes());
        String reason = shared.isEmpty()
                ? "same house"
                : "shares "
                        + String.join(
                                ", ",
                                shared.stream().map(n -> catalog.note(n).name()).toList());
        session.emit(
                        InteractionEventType.SIMILAR_CLICKED,
                        session.inPageGap(),
                        session.obj()
                                .put("targetPerfumeId", target.id())
                                .put("position", position)
                                .put("similarityReason", reason))
                .perfumeId(from.id())
                .houseId(from.houseId())
                .pageScrollPosition(session.scrollPosition(page.scrollDepth()))
                .timeOnPage(timeOnPage(page));
        view(target, "direct", "detail_page", depth + 1, null);
    }
}
