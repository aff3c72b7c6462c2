package com.newsmell.profile.behavior;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsmell.profile.calculation.ComputedProfile;
import com.newsmell.profile.calculation.Counted;
import com.newsmell.profile.calculation.PriceRange;
import com.newsmell.profile.calculation.Weighted;
import java.io.IOException;
import java.io.StringWriter;
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

    private ProfileJson() {}

    /** The rows of {@link UserBehaviorProfileRepository#save}, a JSON array, each row's keys the columns. */
    static String rows(List<ComputedProfile> profiles, Instant asOf, String computedBy) {
        StringWriter out = new StringWriter(profiles.size() * 1024);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartArray();
            for (ComputedProfile p : profiles) {
                row(g, p, asOf.toString(), computedBy);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void row(JsonGenerator g, ComputedProfile p, String asOf, String computedBy) throws IOException {
        g.writeStartObject();
        g.writeStringField("user_id", p.userId());
        g.writeNumberField("total_sessions", p.totalSessions());
        g.writeNumberField("total_page_views", p.totalPageViews());
        g.writeNumberField("total_perfumes_viewed", p.totalPerfumesViewed());
        g.writeNumberField("total_searches", p.totalSearches());
        g.writeNumberField("total_interactions", p.totalInteractions());
        g.writeNumberField("avg_session_duration_ms", p.avgSessionDurationMs());
        g.writeNumberField("total_ratings", p.totalRatings());
        nullable(g, "avg_rating_value", p.avgRatingValue());
        g.writeNumberField("total_reviews", p.totalReviews());
        nullable(g, "avg_review_length", p.avgReviewLength());
        g.writeNumberField("collection_size", p.collectionSize());
        g.writeNumberField("wishlist_size", p.wishlistSize());
        g.writeNumberField("trading_activity", p.tradingActivity());
        g.writeStringField(
                "browsing_style",
                p.browsingStyle() == null ? null : p.browsingStyle().name());
        g.writeNumberField("engagement_score", p.engagementScore());
        g.writeNumberField("usual_gap_days", p.usualGapDays());
        g.writeStringField("window_start", p.windowStart().toString());
        g.writeStringField("history_start", p.historyStart().toString());
        g.writeStringField("as_of", asOf);
        g.writeStringField("computed_by", computedBy);
        g.writeStringField("preferred_notes", weights(p.preferredNotes(), "noteId"));
        g.writeStringField("preferred_houses", weights(p.preferredHouses(), "houseId"));
        g.writeStringField("preferred_price_range", priceRange(p.preferredPriceRange()));
        g.writeStringField("preferred_perfume_types", counted(p.preferredPerfumeTypes(), "perfumeType"));
        g.writeStringField("active_time_of_day", counts(p.activeTimeOfDay()));
        g.writeStringField("active_days_of_week", counts(p.activeDaysOfWeek()));
        g.writeStringField("search_patterns", counted(p.searchPatterns(), "term"));
        g.writeEndObject();
    }

    private static void nullable(JsonGenerator g, String field, Double value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value.doubleValue());
        }
    }

    /** {@code [{"<idName>": id, "weight": w}, …]}. */
    static String weights(List<Weighted> weights, String idName) {
        StringBuilder json = new StringBuilder(16 + weights.size() * 40).append('[');
        for (Weighted w : weights) {
            json.append(json.length() > 1 ? ",{\"" : "{\"").append(idName).append("\":");
            string(json, w.id()).append(",\"weight\":").append(w.weight()).append('}');
        }
        return json.append(']').toString();
    }

    /** {@code [{"<valueName>": value, "count": n}, …]}. */
    static String counted(List<Counted> counted, String valueName) {
        StringBuilder json = new StringBuilder(16 + counted.size() * 40).append('[');
        for (Counted c : counted) {
            json.append(json.length() > 1 ? ",{\"" : "{\"").append(valueName).append("\":");
            string(json, c.value()).append(",\"count\":").append(c.count()).append('}');
        }
        return json.append(']').toString();
    }

    /** {@code {"min": …, "max": …, "average": …}}, or null. */
    static String priceRange(PriceRange range) {
        if (range == null) {
            return null;
        }
        return "{\"min\":" + range.min().toPlainString() + ",\"max\":"
                + range.max().toPlainString() + ",\"average\":"
                + range.average().toPlainString() + "}";
    }

    /** {@code [n, …]}. */
    static String counts(long[] counts) {
        StringBuilder json = new StringBuilder(4 + counts.length * 4).append('[');
        for (int i = 0; i < counts.length; i++) {
            json.append(i == 0 ? "" : ",").append(counts[i]);
        }
        return json.append(']').toString();
    }

    /** A JSON string: quoted, escaped by Jackson's encoder. */
    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, json);
        return json.append('"');
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
