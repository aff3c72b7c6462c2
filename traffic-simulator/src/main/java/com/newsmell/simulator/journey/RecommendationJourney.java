package com.newsmell.simulator.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.simulator.world.Catalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A list of recommendations shown (on the home page, a perfume page or the search results): the algorithm depends
 * on the page and on whether the visitor is logged in; a share of lists is shuffled and flagged randomized (ADR 0024);
 * a logged-in visitor sometimes gives feedback; each slot is clicked with the planted position bias times the
 * perfume's relevance to the visitor, and the first clicked perfume is viewed.
 */
public final class RecommendationJourney extends Journey {

    RecommendationJourney(JourneyContext session, Visit visit) {
        super(session, visit);
    }

    /** The share of lists shown in a shuffled order when nothing else is set (ADR 0024). */
    public static final double DEFAULT_RANDOMIZED_SHARE = 0.05;

    /** The exponent of the planted position bias: {@code examination(k) = (k + 1)^-0.7}. */
    public static final double POSITION_BIAS_EXPONENT = 0.7;

    /**
     * The planted examination probability of a 0-based slot (the same on every page): a visitor looks at slot k with
     * probability {@code (k + 1)^-0.7} (1, 0.616, 0.463, 0.379, 0.324, 0.285), and clicks a perfume they looked at
     * with probability {@link #relevance}, independently of the other slots (the examination model of Joachims et
     * al., WSDM 2017). A test recovers it from the randomized lists.
     */
    public static double examination(int position) {
        return Math.pow(position + 1, -POSITION_BIAS_EXPONENT);
    }

    /** The probability that the visitor clicks a perfume they looked at, from its similarity to their taste. */
    static double relevance(double similarity) {
        return 0.05 + 0.45 * similarity;
    }

    /** The version each algorithm reports (algorithmVersion, ADR 0024). */
    static String version(String algorithm) {
        return switch (algorithm) {
            case "collaborative_filtering" -> "3.2.0";
            case "hybrid_v2" -> "2.1.4";
            case "content_based" -> "1.8.0";
            case "similar_notes" -> "1.3.2";
            default -> "1.0.0";
        };
    }

    /**
     * Shows a recommendation list (shuffled, and flagged randomized, for a share of lists); may record feedback and
     * clicks (then the first clicked perfume's page).
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
        List<Catalog.Perfume> shown = new ArrayList<>(recommend(algorithm, context, k));
        boolean randomized = rng.nextDouble() < session.randomizedShare;
        if (randomized) {
            for (int i = shown.size() - 1; i > 0; i--) {
                Collections.swap(shown, i, rng.nextInt(i + 1));
            }
        }
        String recommendationId = "rec-" + session.uuid();
        double[] confidence = new double[shown.size()];
        double[] similarity = new double[shown.size()];
        long gap = session.inPageGap();
        for (int pos = 0; pos < shown.size(); pos++) {
            Catalog.Perfume p = shown.get(pos);
            confidence[pos] = round3(Math.max(0.05, Math.min(0.99, 0.92 - 0.06 * pos - 0.1 * rng.nextDouble())));
            similarity[pos] = round3(session.taste.affinity(p));
            ObjectNode data = recData(algorithm, source, pos, confidence[pos], similarity[pos]);
            if (randomized) {
                data.put("randomized", true);
            }
            session.emit(InteractionEventType.RECOMMENDATION_SHOWN, pos == 0 ? gap : 60, data)
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
                if (r < 0.5) {
                    data.put("thumbsDown", true);
                } else if (r < 0.8) {
                    data.put("hidPerfume", true);
                } else {
                    data.put("reportedIrrelevant", true);
                    data.put("reportReason", r < 0.9 ? "not_my_taste" : r < 0.95 ? "already_owned" : "other");
                }
            }
            session.emit(InteractionEventType.RECOMMENDATION_FEEDBACK, session.inPageGap(), data)
                    .perfumeId(shown.get(pos).id())
                    .recommendationId(recommendationId);
        }
        int clicked = -1;
        for (int pos = 0; pos < shown.size(); pos++) {
            if (rng.nextDouble() < examination(pos) * relevance(similarity[pos])) {
                Catalog.Perfume p = shown.get(pos);
                session.emit(
                                InteractionEventType.RECOMMENDATION_CLICKED,
                                session.inPageGap(),
                                recData(algorithm, source, pos, confidence[pos], similarity[pos]))
                        .perfumeId(p.id())
                        .houseId(p.houseId())
                        .recommendationId(recommendationId);
                if (clicked < 0) {
                    clicked = pos;
                }
            }
        }
        if (clicked < 0) {
            return;
        }
        Catalog.Perfume p = shown.get(clicked);
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
                .put("algorithmVersion", version(algorithm))
                .put("source", source)
                .put("position", position)
                .put("confidence", confidence)
                .put("similarityScore", sim);
    }

    private static double round3(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
