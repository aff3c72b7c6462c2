package com.newsmell.simulator.journey;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.simulator.world.Catalog;

/** A bot: the home page, then a few quick views of random perfume, house and list pages. Anonymous, views only. */
final class CrawlJourney extends Journey {

    CrawlJourney(JourneyContext session, Visit visit) {
        super(session, visit);
    }

    void crawl() {
        int pages = 1 + rng.nextInt(10);
        session.homePage("direct", null);
        for (int i = 1; i < pages; i++) {
            double r = rng.nextDouble();
            if (r < 0.6) {
                perfume(catalog.perfumes().get(rng.nextInt(catalog.perfumes().size())));
            } else if (r < 0.8) {
                session.housePage(
                        catalog.houses().get(rng.nextInt(catalog.houses().size())), session.millis(100, 1_500));
            } else {
                session.pageView("/perfumes?page=" + (1 + rng.nextInt(30)), "All perfumes", "direct", null);
            }
        }
    }

    private void perfume(Catalog.Perfume p) {
        session.navigate("/perfumes/" + p.id(), null);
        double duration = session.millis(100, 1_500);
        session.emit(
                        InteractionEventType.PERFUME_VIEW,
                        session.pageGap(),
                        session.pageData(session.title(p), duration, "direct"))
                .perfumeId(p.id())
                .houseId(p.houseId())
                .duration(JourneyContext.wholeMillis(duration));
    }
}
