package com.newsmell.profile.behavior;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private ProfileJson() {}

    /**
     * The rows of {@link UserBehaviorProfileRepository#save}, a JSON array, each row's keys the columns; the nested
     * lists are JSON text inside JSON strings. Written straight into one buffer (the job writes ~100,000 of them a run):
     * the nested text is escaped as it is written, not built and then escaped again.
     */
    static String rows(List<ComputedProfile> profiles, Instant asOf, String computedBy) {
        StringBuilder json = new StringBuilder(profiles.size() * 2048).append('[');
        String asOfText = asOf.toString();
        for (ComputedProfile p : profiles) {
            if (json.length() > 1) {
                json.append(',');
            }
            row(json, p, asOfText, computedBy);
        }
        return json.append(']').toString();
    }

    private static void row(StringBuilder json, ComputedProfile p, String asOf, String computedBy) {
        json.append("{\"user_id\":");
        string(json, p.userId());
        json.append(",\"total_sessions\":").append(p.totalSessions());
        json.append(",\"total_page_views\":").append(p.totalPageViews());
        json.append(",\"total_perfumes_viewed\":").append(p.totalPerfumesViewed());
        json.append(",\"total_searches\":").append(p.totalSearches());
        json.append(",\"total_interactions\":").append(p.totalInteractions());
        number(json.append(",\"avg_session_duration_ms\":"), p.avgSessionDurationMs());
        json.append(",\"total_ratings\":").append(p.totalRatings());
        number(json.append(",\"avg_rating_value\":"), p.avgRatingValue());
        json.append(",\"total_reviews\":").append(p.totalReviews());
        number(json.append(",\"avg_review_length\":"), p.avgReviewLength());
        json.append(",\"collection_size\":").append(p.collectionSize());
        json.append(",\"wishlist_size\":").append(p.wishlistSize());
        json.append(",\"trading_activity\":").append(p.tradingActivity());
        json.append(",\"browsing_style\":");
        if (p.browsingStyle() == null) {
            json.append("null");
        } else {
            string(json, p.browsingStyle().name());
        }
        number(json.append(",\"engagement_score\":"), p.engagementScore());
        number(json.append(",\"usual_gap_days\":"), p.usualGapDays());
        json.append(",\"window_start\":\"").append(p.windowStart()).append('"');
        json.append(",\"history_start\":\"").append(p.historyStart()).append('"');
        json.append(",\"as_of\":\"").append(asOf).append('"');
        json.append(",\"computed_by\":");
        string(json, computedBy);
        json.append(",\"preferred_notes\":\"");
        weights(json, p.preferredNotes(), "noteId", true).append('"');
        json.append(",\"preferred_houses\":\"");
        weights(json, p.preferredHouses(), "houseId", true).append('"');
        String range = priceRange(p.preferredPriceRange());
        json.append(",\"preferred_price_range\":");
        if (range == null) {
            json.append("null");
        } else {
            string(json, range);
        }
        json.append(",\"preferred_perfume_types\":\"");
        counted(json, p.preferredPerfumeTypes(), "perfumeType", true).append('"');
        json.append(",\"active_time_of_day\":\"")
                .append(counts(p.activeTimeOfDay()))
                .append('"');
        json.append(",\"active_days_of_week\":\"")
                .append(counts(p.activeDaysOfWeek()))
                .append('"');
        json.append(",\"search_patterns\":\"");
        counted(json, p.searchPatterns(), "term", true).append('"');
        json.append('}');
    }

    /** {@code [{"<idName>": id, "weight": w}, …]}. */
    static String weights(List<Weighted> weights, String idName) {
        return weights(new StringBuilder(16 + weights.size() * 40), weights, idName, false)
                .toString();
    }

    /** The same, appended; {@code escaped}: as the content of a JSON string. */
    private static StringBuilder weights(StringBuilder json, List<Weighted> weights, String idName, boolean escaped) {
        return pairs(json, weights, idName, Weighted::id, "weight", Weighted::weight, escaped);
    }

    /** {@code [{"<valueName>": value, "count": n}, …]}. */
    static String counted(List<Counted> counted, String valueName) {
        return counted(new StringBuilder(16 + counted.size() * 40), counted, valueName, false)
                .toString();
    }

    /** The same, appended; {@code escaped}: as the content of a JSON string. */
    private static StringBuilder counted(StringBuilder json, List<Counted> counted, String valueName, boolean escaped) {
        return pairs(json, counted, valueName, Counted::value, "count", Counted::count, escaped);
    }

    /** {@code [{"<keyName>": key, "<numberName>": number}, …]}, appended; {@code escaped}: as a JSON string's content. */
    private static <T> StringBuilder pairs(
            StringBuilder json,
            List<T> items,
            String keyName,
            Function<T, String> key,
            String numberName,
            Function<T, Object> number,
            boolean escaped) {
        String quote = escaped ? "\\\"" : "\"";
        json.append('[');
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            json.append(i == 0 ? "{" : ",{")
                    .append(quote)
                    .append(keyName)
                    .append(quote)
                    .append(':');
            nested(json, key.apply(item), escaped)
                    .append(',')
                    .append(quote)
                    .append(numberName)
                    .append(quote)
                    .append(':')
                    .append(number.apply(item))
                    .append('}');
        }
        return json.append(']');
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

    /** A number as Jackson writes it: {@code Double.toString}, null as null, NaN and infinities quoted. */
    private static void number(StringBuilder json, Double value) {
        if (value == null) {
            json.append("null");
        } else if (Double.isFinite(value)) {
            json.append(value.doubleValue());
        } else {
            json.append('"').append(value.doubleValue()).append('"');
        }
    }

    /** A JSON string: quoted, escaped by Jackson's encoder. */
    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, json);
        return json.append('"');
    }

    /**
     * A JSON string within JSON text; {@code escaped}: that text itself the content of a JSON string, so the value is
     * escaped twice (a value of plain printable ASCII, as ids are, needs neither).
     */
    private static StringBuilder nested(StringBuilder json, String value, boolean escaped) {
        if (!escaped) {
            return string(json, value);
        }
        if (plain(value)) {
            return json.append("\\\"").append(value).append("\\\"");
        }
        StringBuilder once = string(new StringBuilder(value.length() + 8), value);
        JsonStringEncoder.getInstance().quoteAsString(once, json);
        return json;
    }

    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
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
