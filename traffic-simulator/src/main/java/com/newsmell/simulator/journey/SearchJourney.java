package com.newsmell.simulator.journey;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.simulator.world.Catalog;
import com.newsmell.simulator.world.Population;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A search: for a favourite note, house or perfume, two notes, a typo or nonsense. No result is usually followed
 * by a corrected or other query, else abandoned; results are sometimes refined by a filter, and a result or two
 * clicked (the better the visitor likes it and the higher it stands, the likelier).
 */
final class SearchJourney extends Journey {

    private static final String[] NONSENSE_QUERIES = {
        "aquatic summer 2019", "cherry cola", "marshmallow cloud", "bubblegum pop", "gasoline", "wet concrete",
    };

    SearchJourney(JourneyContext session, Visit visit) {
        super(session, visit);
    }

    void search() {
        double r = rng.nextDouble();
        String query;
        String corrected = null;
        if (r < 0.3) {
            query = favouriteNoteName();
        } else if (r < 0.42) {
            query = favouriteNoteName() + (rng.nextBoolean() ? " parfum" : " toilette");
        } else if (r < 0.56) {
            String name = catalog.house(session.favouriteHouse()).name();
            query = name.substring(name.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        } else if (r < 0.72) {
            query = session.taste.pick().name().toLowerCase(Locale.ROOT);
        } else if (r < 0.82) {
            query = favouriteNoteName() + " " + favouriteNoteName();
        } else if (r < 0.93) {
            // A typo: usually no result, then corrected.
            corrected = favouriteNoteName();
            query = typo(corrected);
        } else {
            query = NONSENSE_QUERIES[rng.nextInt(NONSENSE_QUERIES.length)];
        }
        run(query, "initial", null, null, corrected, 0);
    }

    private String favouriteNoteName() {
        return catalog.note(session.favouriteNote()).name();
    }

    /** {@code word} with a letter missing. */
    private String typo(String word) {
        int cut = 1 + rng.nextInt(Math.max(1, word.length() - 2));
        String shorter = word.substring(0, cut) + word.substring(Math.min(word.length(), cut + 1));
        return shorter.equals(word) ? shorter + "q" : shorter;
    }

    /** Runs {@code query} and goes on from its results; {@code round} counts the refinements so far. */
    private void run(
            String query, String searchType, String previousQuery, ObjectNode filters, String corrected, int round) {
        if (!session.room()) {
            return;
        }
        session.navigate(resultsPath(query), null);
        String searchId = "srch-" + session.uuid();
        List<Catalog.Perfume> results = catalog.search(query, p -> matches(p, filters));
        int pageSize = "desktop".equals(session.agent.deviceType()) ? 12 : 8;
        List<Catalog.Perfume> page = results.subList(0, Math.min(results.size(), pageSize));
        ObjectNode data =
                session.obj().put("searchId", searchId).put("query", query).put("queryLength", query.length());
        ArrayNode words = data.putArray("queryWords");
        for (String w : query.trim().split("\\s+")) {
            words.add(w);
        }
        // The seed's SearchEvent: "filters: { … }" (required; every filter in it optional).
        data.set("filters", filters != null ? filters.deepCopy() : session.obj());
        data.put("resultsCount", results.size())
                .put("resultsShown", page.size())
                .put("hasResults", !results.isEmpty())
                .put("searchType", searchType)
                .put("queryType", "text");
        if (previousQuery != null) {
            data.put("previousQuery", previousQuery);
        }
        data.put("suggestionUsed", false);
        ArrayNode ids = data.putArray("resultPerfumeIds");
        page.forEach(p -> ids.add(p.id()));
        if (results.isEmpty()) {
            session.emit(InteractionEventType.SEARCH_NO_RESULTS, session.pageGap(), data);
            if (round < 2 && rng.nextDouble() < 0.65) {
                String next = corrected != null ? corrected : favouriteNoteName();
                run(next, "refinement", query, null, null, round + 1);
            }
            return; // otherwise abandoned
        }
        session.emit(InteractionEventType.SEARCH_PERFORMED, session.pageGap(), data);
        if (round < 2 && results.size() > 4 && rng.nextDouble() < 0.2) {
            ObjectNode f = session.obj();
            Population.User user = session.user;
            f.putArray("notes").add(user.favouriteNotes().get(0));
            f.putObject("priceRange").put("min", 0).put("max", Math.round(user.budget() * 1.5));
            session.emit(
                    InteractionEventType.FILTER_APPLIED,
                    session.inPageGap(),
                    session.obj().put("searchId", searchId).set("filters", f.deepCopy()));
            run(query, "refinement", query, f, null, round + 1);
            return;
        }
        if (rng.nextDouble() < 0.12) {
            visit.recommendations.show("search", null, 1);
        }
        clickResults(query, searchId, page);
    }

    /** Up to two results clicked, each viewed (back to the results in between); or the search abandoned. */
    private void clickResults(String query, String searchId, List<Catalog.Perfume> page) {
        int clicks = 0;
        for (int attempt = 0; attempt < 2 && session.room(); attempt++) {
            if (rng.nextDouble() > (attempt == 0 ? 0.7 : 0.3)) {
                break; // abandoned (or done)
            }
            int position = -1;
            for (int i = 0; i < page.size(); i++) {
                double p = (0.25 + 0.6 * session.taste.affinity(page.get(i))) * Math.pow(0.8, i);
                if (rng.nextDouble() < p) {
                    position = i;
                    break;
                }
            }
            if (position < 0) {
                break;
            }
            if (clicks > 0) {
                session.emit(InteractionEventType.BACK_BUTTON, session.inPageGap(), session.obj());
                session.navigate(resultsPath(query), null);
            }
            Catalog.Perfume clicked = page.get(position);
            session.emit(
                            InteractionEventType.SEARCH_RESULT_CLICKED,
                            session.inPageGap(),
                            session.obj()
                                    .put("searchId", searchId)
                                    .put("position", position)
                                    .put("perfumeId", clicked.id()))
                    .perfumeId(clicked.id())
                    .houseId(clicked.houseId());
            clicks++;
            visit.perfumePage.view(clicked, "search", "search", 1, null);
        }
    }

    private static String resultsPath(String query) {
        return "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static boolean matches(Catalog.Perfume p, ObjectNode filters) {
        if (filters == null) {
            return true;
        }
        if (filters.has("notes")) {
            for (var n : filters.get("notes")) {
                if (!p.allNotes().contains(n.asText())) {
                    return false;
                }
            }
        }
        if (filters.has("priceRange")) {
            double max = filters.get("priceRange").get("max").asDouble();
            double min = filters.get("priceRange").get("min").asDouble();
            return p.price() >= min && p.price() <= max;
        }
        return true;
    }
}
