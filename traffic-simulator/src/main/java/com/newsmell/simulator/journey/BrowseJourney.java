package com.newsmell.simulator.journey;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.simulator.journey.JourneyGenerator.SessionKind;
import com.newsmell.simulator.world.Catalog;
import com.newsmell.simulator.world.Population;
import java.util.List;

/**
 * A human visitor browsing: lands (home page, a perfume page from a search engine or a social network, or the
 * list), then takes a few steps, more for engaged users: a note's perfumes, a search, a house, the home page's
 * recommendations, the own collection or another user's; may log in on the way and drop a wish at the end.
 */
final class BrowseJourney extends Journey {

    private static final String[] EXTERNAL_REFERRERS = {
        "https://www.google.com/", "https://www.bing.com/", "https://duckduckgo.com/",
    };
    private static final String[] SOCIAL_REFERRERS = {
        "https://www.instagram.com/", "https://www.reddit.com/r/fragrance/", "https://www.tiktok.com/",
    };

    BrowseJourney(JourneyContext session, Visit visit) {
        super(session, visit);
    }

    void browse() {
        land();
        Population.User user = session.user;
        int steps = 1 + (int) (rng.nextDouble() * (3 + 10 * user.engagement()));
        for (int i = 0; i < steps && session.room(); i++) {
            if (session.kind == SessionKind.LOGS_IN && !session.loggedIn() && rng.nextDouble() < 0.2) {
                session.login();
            }
            step(user);
        }
        visit.collectAndWishlist.regret();
    }

    private void land() {
        double r = rng.nextDouble();
        if (r < 0.35) {
            String ref = rng.nextBoolean() ? null : EXTERNAL_REFERRERS[rng.nextInt(EXTERNAL_REFERRERS.length)];
            session.homePage(ref == null ? "direct" : "external", ref);
            if (rng.nextDouble() < 0.6) {
                visit.recommendations.show("homepage", null, 0);
            }
        } else if (r < 0.7) {
            // A perfume page, from a search engine or (less often) a social network.
            boolean social = r >= 0.6;
            String[] referrers = social ? SOCIAL_REFERRERS : EXTERNAL_REFERRERS;
            visit.perfumePage.view(
                    session.taste.pick(),
                    social ? "social" : "external",
                    "detail_page",
                    0,
                    referrers[rng.nextInt(referrers.length)]);
        } else {
            session.pageView("/perfumes", "All perfumes", "direct", null);
        }
    }

    private void step(Population.User user) {
        double r = rng.nextDouble();
        if (r < 0.3) {
            byNote();
        } else if (r < 0.6) {
            visit.search.search();
        } else if (r < 0.7) {
            houseVisit();
        } else if (r < 0.8) {
            session.homePage("direct", null);
            visit.recommendations.show("homepage", null, 0);
        } else if (r < 0.87 && session.loggedIn()) {
            visit.collectAndWishlist.ownCollection();
        } else if (r < 0.92 && session.loggedIn() && user.trader()) {
            otherProfile();
        } else if (r < 0.96 && session.currentPath() != null) {
            session.emit(
                    InteractionEventType.NAVIGATION_CLICK,
                    session.inPageGap(),
                    session.obj().put("target", "menu"));
            byNote();
        } else {
            session.emit(InteractionEventType.BACK_BUTTON, session.inPageGap(), session.obj());
            byNote();
        }
    }

    /** The perfumes with one of the visitor's favourite notes; usually one of them. */
    private void byNote() {
        String noteId = session.favouriteNote();
        Catalog.Note note = catalog.note(noteId);
        session.pageView("/notes/" + noteId, "Perfumes with " + note.name(), "direct", null)
                .noteId(noteId);
        List<Catalog.Perfume> withNote = catalog.perfumesWithNote(noteId);
        if (!withNote.isEmpty() && rng.nextDouble() < 0.85) {
            visit.perfumePage.view(session.taste.pick(withNote), "direct", "detail_page", 0, null);
        }
    }

    /** A house's page, usually one of the visitor's favourite houses. */
    private void houseVisit() {
        String houseId = rng.nextDouble() < 0.7
                ? session.favouriteHouse()
                : catalog.houses().get(rng.nextInt(catalog.houses().size())).id();
        house(houseId);
    }

    /** A house's page; often one of its perfumes next. */
    void house(String houseId) {
        session.housePage(catalog.house(houseId), session.millis(3_000, 60_000));
        List<Catalog.Perfume> perfumes = catalog.perfumesOf(houseId);
        if (!perfumes.isEmpty() && rng.nextDouble() < 0.6) {
            visit.perfumePage.view(session.taste.pick(perfumes), "direct", "detail_page", 1, null);
        }
    }

    /** Another user's collection (traders look at whom to trade with). */
    private void otherProfile() {
        Population.User other = session.population.pick(rng);
        session.navigate("/users/" + other.userId(), null);
        double duration = session.millis(3_000, 40_000);
        session.emit(
                        InteractionEventType.PROFILE_VIEWED,
                        session.pageGap(),
                        session.pageData("Collection", duration, "direct").put("profileUserId", other.userId()))
                .duration(JourneyContext.wholeMillis(duration));
    }
}
