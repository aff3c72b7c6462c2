package com.newsmell.recommendation;

import static com.newsmell.contract.InteractionEventType.RECOMMENDATION_CLICKED;
import static com.newsmell.contract.InteractionEventType.RECOMMENDATION_FEEDBACK;
import static com.newsmell.contract.InteractionEventType.RECOMMENDATION_SHOWN;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.WireEvents;
import java.time.Instant;

/** Test events: recommendation impressions, clicks, feedback and conversions, as the collector puts them on the topic. */
public final class RecommendationEvents {

    private RecommendationEvents() {}

    /** A RECOMMENDATION_SHOWN with default context (override eventData for exact values). */
    public static UserInteractionEvent.Builder shown(
            String sessionId, String recommendationId, String perfumeId, Instant at, int position) {
        return recommendation(RECOMMENDATION_SHOWN, sessionId, recommendationId, perfumeId, at)
                .eventData(data("collaborative", "homepage", position, null, null));
    }

    public static UserInteractionEvent.Builder clicked(
            String sessionId, String recommendationId, String perfumeId, Instant at) {
        return recommendation(RECOMMENDATION_CLICKED, sessionId, recommendationId, perfumeId, at);
    }

    /** A RECOMMENDATION_FEEDBACK with these eventData fields set to true (reportReason: its value). */
    public static UserInteractionEvent.Builder feedback(
            String sessionId, String recommendationId, String perfumeId, Instant at, String... flags) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        for (String flag : flags) {
            if (flag.startsWith("reportReason=")) {
                data.put("reportReason", flag.substring("reportReason=".length()));
            } else {
                data.put(flag, true);
            }
        }
        return recommendation(RECOMMENDATION_FEEDBACK, sessionId, recommendationId, perfumeId, at)
                .eventData(data);
    }

    public static UserInteractionEvent.Builder recommendation(
            InteractionEventType type, String sessionId, String recommendationId, String perfumeId, Instant at) {
        return WireEvents.event(type, sessionId, at)
                .recommendationId(recommendationId)
                .perfumeId(perfumeId);
    }

    /** A conversion event of a perfume (PERFUME_VIEW, WISHLIST_ADD, COLLECTION_ADD, PURCHASE_COMPLETED). */
    public static UserInteractionEvent.Builder conversion(
            InteractionEventType type, String sessionId, String perfumeId, Instant at) {
        return WireEvents.event(type, sessionId, at).perfumeId(perfumeId);
    }

    /** A RATING_COMPLETED of a perfume with its overall value. */
    public static UserInteractionEvent.Builder rating(String sessionId, String perfumeId, Instant at, int overall) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.putObject("ratings").put("overall", overall);
        return WireEvents.event(InteractionEventType.RATING_COMPLETED, sessionId, at)
                .perfumeId(perfumeId)
                .eventData(data);
    }

    /** A recommendation's eventData; a null confidence or similarityScore is left out. */
    public static ObjectNode data(
            String algorithm, String source, int position, Double confidence, Double similarityScore) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("algorithm", algorithm);
        data.put("source", source);
        data.put("position", position);
        if (confidence != null) {
            data.put("confidence", confidence);
        }
        if (similarityScore != null) {
            data.put("similarityScore", similarityScore);
        }
        return data;
    }
}
