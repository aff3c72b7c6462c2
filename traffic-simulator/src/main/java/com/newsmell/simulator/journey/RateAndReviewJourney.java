package com.newsmell.simulator.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.simulator.world.Catalog;
import com.newsmell.simulator.world.Population;
import java.util.HashSet;
import java.util.Set;

/**
 * Rating a perfume (sometimes abandoned): an overall score from its quality and the visitor's taste, often a few
 * category scores; then, for engaged users, a review. Each perfume is rated at most once a session.
 */
final class RateAndReviewJourney extends Journey {

    private final Set<String> rated = new HashSet<>();

    RateAndReviewJourney(JourneyContext session, Visit visit) {
        super(session, visit);
    }

    /** Rates a perfume not yet rated this session, likelier with more intent and for engaged users. */
    void considerRating(Catalog.Perfume p, double intent) {
        if (!rated.contains(p.id()) && rng.nextDouble() < 0.15 + 0.5 * intent * session.user.engagement()) {
            rate(p);
        }
    }

    private void rate(Catalog.Perfume p) {
        rated.add(p.id());
        Population.User user = session.user;
        double affinity = session.taste.affinity(p);
        session.emit(
                        InteractionEventType.RATING_STARTED,
                        session.inPageGap(),
                        session.obj().put("source", "detail_page").put("hadPreviousRating", false))
                .perfumeId(p.id())
                .houseId(p.houseId());
        if (rng.nextDouble() < 0.15) {
            return; // abandoned
        }
        int overall = score(0.5 * p.quality() + 0.5 * affinity);
        ObjectNode ratings = session.obj().put("overall", overall);
        int categories = 1;
        if (rng.nextDouble() < 0.8) {
            ratings.put("longevity", score(p.quality()));
            categories++;
        }
        if (rng.nextDouble() < 0.7) {
            ratings.put("sillage", score(p.quality() * 0.8 + 0.1));
            categories++;
        }
        if (rng.nextDouble() < 0.6) {
            ratings.put("priceValue", score(p.price() <= user.budget() ? 0.75 : 0.35));
            categories++;
        }
        if (rng.nextDouble() < 0.4) {
            ratings.put("gender", 1 + rng.nextInt(5));
            categories++;
        }
        long seconds = rng.nextLong(5, 90);
        ObjectNode data = session.obj();
        data.set("ratings", ratings);
        data.put("timeToComplete", seconds)
                .put("categoriesRated", categories)
                .put("edited", rng.nextDouble() < 0.1)
                .put("source", "detail_page")
                .put("hadPreviousRating", false);
        session.emit(InteractionEventType.RATING_COMPLETED, seconds * 1_000, data)
                .perfumeId(p.id())
                .houseId(p.houseId())
                .value((double) overall);
        if (rng.nextDouble() < 0.15 + 0.4 * user.engagement()) {
            review(p, overall);
        }
    }

    /** Starts a review of a perfume just rated {@code overall}; usually submits it. */
    private void review(Catalog.Perfume p, int overall) {
        session.emit(InteractionEventType.REVIEW_STARTED, session.inPageGap(), session.obj())
                .perfumeId(p.id())
                .houseId(p.houseId());
        if (rng.nextDouble() < 0.8) {
            int length = (int) (60 + Math.abs(Catalog.gaussian(rng)) * 500);
            session.emit(
                            InteractionEventType.REVIEW_SUBMITTED,
                            rng.nextLong(30_000, 150_000),
                            session.obj().put("reviewLength", length).put("rating", overall))
                    .perfumeId(p.id())
                    .houseId(p.houseId())
                    .value((double) overall);
        }
    }

    /** A 1..5 score around {@code 1 + 4 * level}. */
    private int score(double level) {
        return JourneyContext.clamp((int) Math.round(1 + 4 * level + 0.8 * Catalog.gaussian(rng)), 1, 5);
    }
}
