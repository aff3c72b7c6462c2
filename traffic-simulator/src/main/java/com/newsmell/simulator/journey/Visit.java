package com.newsmell.simulator.journey;

import com.newsmell.simulator.journey.JourneyGenerator.Session;
import com.newsmell.simulator.journey.JourneyGenerator.SessionKind;
import com.newsmell.simulator.world.Catalog;
import com.newsmell.simulator.world.Population;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * One visit to the site, as a session of journeys sharing one {@link JourneyContext}: a bot crawls; a human lands
 * and browses, and on the way searches, views perfume pages, follows recommendations, rates and reviews, fills the
 * wishlist and collection and trades. The journeys call each other through the visit.
 */
final class Visit {

    private final JourneyContext session;
    final CrawlJourney crawl;
    final BrowseJourney browse;
    final PerfumePageJourney perfumePage;
    final SearchJourney search;
    final RecommendationJourney recommendations;
    final RateAndReviewJourney rateAndReview;
    final CollectAndWishlistJourney collectAndWishlist;
    final TradeJourney trade;

    private Visit(JourneyContext session) {
        this.session = session;
        this.crawl = new CrawlJourney(session, this);
        this.browse = new BrowseJourney(session, this);
        this.perfumePage = new PerfumePageJourney(session, this);
        this.search = new SearchJourney(session, this);
        this.recommendations = new RecommendationJourney(session, this);
        this.rateAndReview = new RateAndReviewJourney(session, this);
        this.collectAndWishlist = new CollectAndWishlistJourney(session, this);
        this.trade = new TradeJourney(session, this);
    }

    /**
     * The next session: who visits and everything they do, drawn from {@code rng}.
     *
     * @param botShare share of sessions that are bots, 0..1
     * @param now the session ends at or before this instant
     */
    static Session generate(
            Catalog catalog, Population population, SplittableRandom rng, double botShare, Instant now) {
        return generate(catalog, population, rng, botShare, RecommendationJourney.DEFAULT_RANDOMIZED_SHARE, now);
    }

    /**
     * @param randomizedShare share of recommendation lists shown in a shuffled order (flagged randomized), 0..1
     */
    static Session generate(
            Catalog catalog,
            Population population,
            SplittableRandom rng,
            double botShare,
            double randomizedShare,
            Instant now) {
        JourneyContext context = new JourneyContext(rng, catalog, population, botShare, now);
        context.randomizedShare = randomizedShare;
        Visit visit = new Visit(context);
        if (visit.session.kind == SessionKind.BOT) {
            visit.crawl.crawl();
        } else {
            visit.browse.browse();
        }
        return visit.session.finish();
    }
}
