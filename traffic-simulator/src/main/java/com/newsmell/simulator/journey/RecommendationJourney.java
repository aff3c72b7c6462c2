package com.newsmell.simulator.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.simulator.world.Catalog;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of recommendations shown (on the home page, a perfume page or the search results): the algorithm depends
 * on the page and on whether the visitor is logged in; a logged-in visitor sometimes gives feedback; a perfume the
 * visitor likes may be clicked, then viewed.
 */
final class RecommendationJourney extends Journey {

    RecommendationJourney(JourneyContext session, Visit visit) {
        super(session, visit);
    }

    /**
     * Shows a recommendation list; may record feedback and a click (then the clicked perfume's page).
     *
     * @param source where the list is shown: homepage, detail_page or search
     * @param context the perfume of the page the list is on, else null
     * @param depth how deep the visitor already is (a click at depth 2 is not followed)
     */
    void show(String source, Catalog.Perfume context, int depth) {
        if (!session.room()) {
            return;
        }
        String algorithm = algorithm(context);
        int k = switch (source) {
            case "homepage" -> 6;
            case "detail_page" -> 4;
            default -> 3;
        };
        List<Catalog.Perfume> shown = recommend(algorithm, context, k);
        String recommendationId = "rec-" + session.uuid();
        double[] confidence = new double[shown.size()];
        double[] similarity = new double[shown.size()];
        long gap = session.inPageGap();
        for (int pos = 0; pos < shown.size(); pos++) {
            Catalog.Perfume p = shown.get(pos);
            confidence[pos] = round3(Math.max(0.05, Math.min(0.99, 0.92 - 0.06 * pos - 0.1 * rng.nextDouble())));
            similarity[pos] = round3(session.taste.affinity(p));
            session.emit(
                            InteractionEventType.RECOMMENDATION_SHOWN,
                            pos == 0 ? gap : 60,
                            recData(algorithm, source, pos, confidence[pos], similarity[pos]))
                    .perfumeId(p.id())
                    .houseId(p.houseId())
                    .recommendationId(recommendationId);
        }
        if (session.loggedIn() && rng.nextDouble() < 0.15) {
            int pos = rng.nextInt(shown.size());
            ObjectNode data = recData(algorithm, source, pos, confidence[pos], similarity[pos]);
            if (similarity[pos] >= 0.5) {
                data.put("thumbsUp", true);
            } else {
                double r = rng.nextDouble();
                data.put(r < 0.5 ? "thumbsDown" : r < 0.8 ? "hidPerfume" : "reportedIrrelevant", true);
            }
            session.emit(InteractionEventType.RECOMMENDATION_FEEDBACK, session.inPageGap(), data)
                    .perfumeId(shown.get(pos).id())
                    .recommendationId(recommendationId);
        }
        int clicked = -1;
        for (int pos = 0; pos < shown.size(); pos++) {
            if (rng.nextDouble() < (0.04 + 0.4 * similarity[pos]) * Math.pow(0.85, pos)) {
                clicked = pos;
                break;
            }
        }
        if (clicked < 0) {
            return;
        }
        Catalog.Perfume p = shown.get(clicked);
        session.emit(
                        InteractionEventType.RECOMMENDATION_CLICKED,
                        session.inPageGap(),
                        recData(algorithm, source, clicked, confidence[clicked], similarity[clicked]))
                .perfumeId(p.id())
                .houseId(p.houseId())
                .recommendationId(recommendationId);
        if (depth < 2) {
            visit.perfumePage.view(p, "recommendation", "recommendation", depth + 1, null);
            if (session.loggedIn() && session.room() && rng.nextDouble() < 0.1) {
                ObjectNode data = recData(algorithm, source, clicked, confidence[clicked], similarity[clicked]);
                data.put(similarity[clicked] >= 0.4 ? "thumbsUp" : "thumbsDown", true);
                session.emit(InteractionEventType.RECOMMENDATION_FEEDBACK, session.inPageGap(), data)
                        .perfumeId(p.id())
                        .recommendationId(recommendationId);
            }
        }
    }

    private String algorithm(Catalog.Perfume context) {
        if (!session.loggedIn()) {
            return context != null ? "similar_notes" : "trending";
        }
        if (context != null) {
            return rng.nextDouble() < 0.6 ? "similar_notes" : "content_based";
        }
        double r = rng.nextDouble();
        return r < 0.4 ? "collaborative_filtering" : r < 0.7 ? "hybrid_v2" : "trending";
    }

    /** The {@code k} best perfumes by {@code algorithm}, with a little noise; never {@code context} itself. */
    private List<Catalog.Perfume> recommend(String algorithm, Catalog.Perfume context, int k) {
        Taste taste = session.taste;
        List<Catalog.Perfume> all = catalog.perfumes();
        double[] scores = new double[all.size()];
        for (int i = 0; i < scores.length; i++) {
            Catalog.Perfume p = all.get(i);
            if (context != null && p.id().equals(context.id())) {
                scores[i] = -1;
                continue;
            }
            double s = switch (algorithm) {
                case "trending" -> Math.sqrt(p.popularity());
                case "similar_notes", "content_based" ->
                    context != null ? catalog.similarity(context, p) : taste.affinity(p);
                default -> 0.7 * taste.affinity(p) + 0.3 * Math.sqrt(p.popularity());
            };
            scores[i] = s + 0.15 * rng.nextDouble();
        }
        return top(all, scores, k);
    }

    /** The {@code k} perfumes with the highest non-negative scores, best first (ties: lower index). */
    static List<Catalog.Perfume> top(List<Catalog.Perfume> all, double[] scores, int k) {
        List<Catalog.Perfume> out = new ArrayList<>(k);
        boolean[] taken = new boolean[scores.length];
        for (int n = 0; n < k; n++) {
            int best = -1;
            for (int i = 0; i < scores.length; i++) {
                if (!taken[i] && scores[i] >= 0 && (best < 0 || scores[i] > scores[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            out.add(all.get(best));
        }
        return out;
    }

    private ObjectNode recData(String algorithm, String source, int position, double confidence, double sim) {
        return session.obj()
                .put("algorithm", algorithm)
                .put("source", source)
                .put("position", position)
                .put("confidence", confidence)
                .put("similarityScore", sim);
    }

    private static double round3(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
