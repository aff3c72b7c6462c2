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
 * @param algorithmVersion the version of the producing algorithm (ADR 0024), free text, optional
 * @param randomized true on an impression whose list was shown in a shuffled order, for position-bias estimation
 *     (ADR 0024); absent or false: the algorithm's own order
 * @param reportReason why the recommendation was reported irrelevant, one of {@link #REPORT_REASONS} (ADR 0024);
 *     meaningful with {@code reportedIrrelevant}
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
        Boolean reportedIrrelevant,
        String algorithmVersion,
        Boolean randomized,
        String reportReason)
        implements EventData {

    public static final Set<String> SOURCES = Set.of("homepage", "detail_page", "search", "email");

    /** Why a recommendation was reported irrelevant (ADR 0024): a closed list, like the contract's other enums. */
    public static final Set<String> REPORT_REASONS =
            Set.of("not_my_taste", "already_owned", "wrong_gender", "too_expensive", "inappropriate", "other");

    /** The first nine fields, as before ADR 0024 (no algorithmVersion, randomized or reportReason). */
    public RecommendationData(
            String algorithm,
            String source,
            Integer position,
            Double confidence,
            Double similarityScore,
            Boolean thumbsUp,
            Boolean thumbsDown,
            Boolean hidPerfume,
            Boolean reportedIrrelevant) {
        this(
                algorithm,
                source,
                position,
                confidence,
                similarityScore,
                thumbsUp,
                thumbsDown,
                hidPerfume,
                reportedIrrelevant,
                null,
                null,
                null);
    }
}
