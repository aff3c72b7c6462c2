package com.newsmell.contract.data;

import java.util.Set;

/**
 * eventData of RECOMMENDATION_SHOWN, RECOMMENDATION_CLICKED and RECOMMENDATION_FEEDBACK.
 *
 * @param algorithm name of the producing algorithm; required for RECOMMENDATION_SHOWN
 * @param source one of {@link #SOURCES}; required for RECOMMENDATION_SHOWN
 * @param position 0-based slot, {@code >= 0}; required for RECOMMENDATION_SHOWN
 * @param confidence 0-1
 * @param similarityScore 0-1
 * @param thumbsUp explicit positive feedback
 * @param thumbsDown explicit negative feedback
 * @param hidPerfume the user hid the perfume
 * @param reportedIrrelevant the user reported the recommendation as irrelevant
 */
public record RecommendationData(
        String algorithm,
        String source,
        Integer position,
        Double confidence,
        Double similarityScore,
        Boolean thumbsUp,
        Boolean thumbsDown,
        Boolean hidPerfume,
        Boolean reportedIrrelevant)
        implements EventData {

    public static final Set<String> SOURCES = Set.of("homepage", "detail_page", "search", "email");
}
