package com.newsmell.profile.behavior;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.profile.calculation.ComputedProfile;
import com.newsmell.profile.calculation.Counted;
import com.newsmell.profile.calculation.PriceRange;
import com.newsmell.profile.calculation.Weighted;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The profile's json columns, written and read without reflection: a computed profile as one row of the save
 * statement's {@code jsonb_to_recordset}, and the stored text back as the API's types.
 */
final class ProfileJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ProfileJson() {}

    /** One row of {@link UserBehaviorProfileRepository#save}, its keys the columns. */
    static ObjectNode row(ComputedProfile p, Instant asOf, String computedBy) {
        ObjectNode row = JSON.objectNode()
                .put("user_id", p.userId())
                .put("total_sessions", p.totalSessions())
                .put("total_page_views", p.totalPageViews())
                .put("total_perfumes_viewed", p.totalPerfumesViewed())
                .put("total_searches", p.totalSearches())
                .put("total_interactions", p.totalInteractions())
                .put("avg_session_duration_ms", p.avgSessionDurationMs())
                .put("total_ratings", p.totalRatings())
                .put("avg_rating_value", p.avgRatingValue())
                .put("total_reviews", p.totalReviews())
                .put("avg_review_length", p.avgReviewLength())
                .put("collection_size", p.collectionSize())
                .put("wishlist_size", p.wishlistSize())
                .put("trading_activity", p.tradingActivity())
                .put(
                        "browsing_style",
                        p.browsingStyle() == null ? null : p.browsingStyle().name())
                .put("engagement_score", p.engagementScore())
                .put("usual_gap_days", p.usualGapDays())
                .put("window_start", p.windowStart().toString())
                .put("history_start", p.historyStart().toString())
                .put("as_of", asOf.toString())
                .put("computed_by", computedBy);
        row.set("preferred_notes", weights(p.preferredNotes(), "noteId"));
        row.set("preferred_houses", weights(p.preferredHouses(), "houseId"));
        row.set("preferred_price_range", priceRange(p.preferredPriceRange()));
        row.set("preferred_perfume_types", counted(p.preferredPerfumeTypes(), "perfumeType"));
        row.set("active_time_of_day", counts(p.activeTimeOfDay()));
        row.set("active_days_of_week", counts(p.activeDaysOfWeek()));
        row.set("search_patterns", counted(p.searchPatterns(), "term"));
        return row;
    }

    private static ArrayNode weights(List<Weighted> weights, String idName) {
        ArrayNode array = JSON.arrayNode();
        weights.forEach(w -> array.addObject().put(idName, w.id()).put("weight", w.weight()));
        return array;
    }

    private static ArrayNode counted(List<Counted> counted, String valueName) {
        ArrayNode array = JSON.arrayNode();
        counted.forEach(c -> array.addObject().put(valueName, c.value()).put("count", c.count()));
        return array;
    }

    private static JsonNode priceRange(PriceRange range) {
        if (range == null) {
            return JSON.nullNode();
        }
        return JSON.objectNode().put("min", range.min()).put("max", range.max()).put("average", range.average());
    }

    private static ArrayNode counts(long[] counts) {
        ArrayNode array = JSON.arrayNode();
        for (long n : counts) {
            array.add(n);
        }
        return array;
    }

    static List<Weighted> weights(String json, String idName) {
        return list(
                json,
                node -> new Weighted(
                        node.get(idName).asText(), node.get("weight").asDouble()));
    }

    static List<Counted> counted(String json, String valueName) {
        return list(
                json,
                node -> new Counted(
                        node.get(valueName).asText(), node.get("count").asLong()));
    }

    static PriceRange priceRange(String json) {
        JsonNode node = parse(json);
        if (node == null || node.isNull()) {
            return null;
        }
        return new PriceRange(decimal(node, "min"), decimal(node, "max"), decimal(node, "average"));
    }

    static List<Long> counts(String json) {
        return list(json, JsonNode::asLong);
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return node.get(field).decimalValue();
    }

    private static <T> List<T> list(String json, Function<JsonNode, T> item) {
        JsonNode node = parse(json);
        List<T> items = new ArrayList<>();
        if (node != null) {
            node.forEach(element -> items.add(item.apply(element)));
        }
        return items;
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
