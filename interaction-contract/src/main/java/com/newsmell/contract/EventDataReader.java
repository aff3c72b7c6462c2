package com.newsmell.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.data.CollectionData;
import com.newsmell.contract.data.EngagementData;
import com.newsmell.contract.data.EventData;
import com.newsmell.contract.data.GenericData;
import com.newsmell.contract.data.PageViewData;
import com.newsmell.contract.data.RatingData;
import com.newsmell.contract.data.RecommendationData;
import com.newsmell.contract.data.RegistrationData;
import com.newsmell.contract.data.ReviewData;
import com.newsmell.contract.data.SearchClickData;
import com.newsmell.contract.data.SearchData;
import java.util.List;

/** Reads and validates the typed view of an event's {@code eventData}. */
public final class EventDataReader {

    /** Pointer of eventData relative to the event object. */
    public static final String BASE = "/eventData";

    private EventDataReader() {}

    /**
     * Reads {@code data} as the schema of {@code type}. Every problem is appended to {@code violations} (pointers
     * prefixed with {@code /eventData}); invalid fields read as {@code null}. Never returns null.
     *
     * @param type the event type; {@code null} yields {@link GenericData}
     * @param data the raw eventData; {@code null} is treated as {@code {}}
     */
    public static EventData read(InteractionEventType type, ObjectNode data, List<Violation> violations) {
        ObjectNode obj = data != null ? data : JsonNodeFactory.instance.objectNode();
        FieldReader r = new FieldReader(obj, BASE, violations);
        if (type == null) {
            return new GenericData(obj);
        }
        return switch (type) {
            case PAGE_VIEW, PERFUME_VIEW, HOUSE_VIEW, COLLECTION_VIEW, PROFILE_VIEWED -> pageView(r);
            case SEARCH_PERFORMED, SEARCH_REFINED, SEARCH_NO_RESULTS -> search(r);
            case SEARCH_RESULT_CLICKED -> searchClick(r);
            case RATING_STARTED, RATING_COMPLETED, RATING_UPDATED -> rating(r);
            case REVIEW_STARTED, REVIEW_SUBMITTED, REVIEW_UPDATED -> review(r);
            case COLLECTION_ADD, COLLECTION_UPDATE, COLLECTION_REMOVE, WISHLIST_ADD, WISHLIST_REMOVE -> collection(r);
            case IMAGE_VIEWED, IMAGE_ZOOMED, NOTES_EXPANDED, NOTES_COLLAPSED, SIMILAR_CLICKED, HOUSE_LINK_CLICKED ->
                engagement(r);
            case RECOMMENDATION_SHOWN, RECOMMENDATION_CLICKED, RECOMMENDATION_FEEDBACK ->
                recommendation(r, type == InteractionEventType.RECOMMENDATION_SHOWN);
            case USER_REGISTERED -> new RegistrationData(r.enumString("signupMethod", RegistrationData.SIGNUP_METHODS));
            default -> new GenericData(obj);
        };
    }

    private static PageViewData pageView(FieldReader r) {
        PageViewData.Viewport viewport = null;
        FieldReader v = r.nested("viewport");
        if (v != null) {
            viewport = new PageViewData.Viewport(v.nonNegativeNumber("width"), v.nonNegativeNumber("height"));
        }
        return new PageViewData(
                r.string("title"),
                r.nonNegativeNumber("viewDuration"),
                r.number("scrollDepth", 0, 100),
                r.nonNegativeNumber("timeToInteraction"),
                r.enumString("source", PageViewData.SOURCES),
                viewport,
                r.enumString("deviceType", PageViewData.DEVICE_TYPES));
    }

    private static SearchData search(FieldReader r) {
        ObjectNode filters = r.objectField("filters");
        if (filters != null) {
            validateFilters(r.nested("filters"));
        }
        return new SearchData(
                r.string("searchId"),
                r.string("query"),
                r.nonNegativeNumber("queryLength"),
                r.stringList("queryWords"),
                filters,
                r.nonNegativeNumber("resultsCount"),
                r.nonNegativeNumber("resultsShown"),
                r.bool("hasResults"),
                r.enumString("searchType", SearchData.SEARCH_TYPES),
                r.enumString("queryType", SearchData.QUERY_TYPES),
                r.string("previousQuery"),
                r.bool("suggestionUsed"),
                r.stringList("resultPerfumeIds"));
    }

    private static void validateFilters(FieldReader f) {
        f.stringList("houses");
        f.stringList("notes");
        f.stringList("perfumeType");
        f.bool("availability");
        f.bool("tradeable");
        FieldReader price = f.nested("priceRange");
        if (price != null) {
            Double min = price.number("min", 0, Double.MAX_VALUE);
            Double max = price.number("max", 0, Double.MAX_VALUE);
            if (min != null && max != null && min > max) {
                f.violation("priceRange", Violation.RULE_RANGE, "'priceRange.min' must be <= 'priceRange.max'");
            }
        }
    }

    private static SearchClickData searchClick(FieldReader r) {
        r.require("position");
        return new SearchClickData(r.string("searchId"), r.count("position"), r.string("perfumeId"));
    }

    private static RatingData rating(FieldReader r) {
        RatingData.Ratings ratings = null;
        FieldReader rr = r.nested("ratings");
        if (rr != null) {
            ratings = new RatingData.Ratings(
                    rating(rr, "overall"),
                    rating(rr, "longevity"),
                    rating(rr, "sillage"),
                    rating(rr, "priceValue"),
                    rating(rr, "gender"));
        }
        return new RatingData(
                ratings,
                r.nonNegativeNumber("timeToComplete"),
                r.nonNegativeNumber("categoriesRated"),
                r.bool("edited"),
                r.objectField("previousRatings"),
                r.enumString("source", RatingData.SOURCES),
                r.bool("hadPreviousRating"));
    }

    private static Double rating(FieldReader r, String field) {
        return r.number(field, RatingData.MIN_RATING, RatingData.MAX_RATING);
    }

    private static ReviewData review(FieldReader r) {
        return new ReviewData(r.count("reviewLength"), rating(r, "rating"));
    }

    private static CollectionData collection(FieldReader r) {
        return new CollectionData(
                r.stringOrNumber("amount"),
                r.stringOrNumber("available"),
                r.stringOrNumber("price"),
                r.enumString("tradePreference", CollectionData.TRADE_PREFERENCES),
                r.enumString("source", CollectionData.SOURCES),
                r.nonNegativeNumber("timeInWishlist"),
                r.stringList("changedFields"),
                r.objectField("previousValues"));
    }

    private static EngagementData engagement(FieldReader r) {
        return new EngagementData(
                r.nonNegativeNumber("imageIndex"),
                r.nonNegativeNumber("viewDuration"),
                r.bool("zoomed"),
                r.enumString("noteType", EngagementData.NOTE_TYPES),
                r.nonNegativeNumber("expandDuration"),
                r.string("targetPerfumeId"),
                r.nonNegativeNumber("position"),
                r.string("similarityReason"));
    }

    private static RecommendationData recommendation(FieldReader r, boolean shown) {
        if (shown) {
            r.require("algorithm");
            r.require("source");
            r.require("position");
        }
        return new RecommendationData(
                r.string("algorithm"),
                r.enumString("source", RecommendationData.SOURCES),
                r.count("position"),
                r.number("confidence", 0, 1),
                r.number("similarityScore", 0, 1),
                r.bool("thumbsUp"),
                r.bool("thumbsDown"),
                r.bool("hidPerfume"),
                r.bool("reportedIrrelevant"),
                r.string("algorithmVersion", Limits.MAX_ID_LENGTH),
                r.bool("randomized"),
                r.enumString("reportReason", RecommendationData.REPORT_REASONS));
    }

    /**
     * Checks the structural limits of eventData: nesting depth ({@code max-depth}), array sizes and serialized
     * size ({@code max-size}) and string lengths ({@code max-length}).
     *
     * @param serializedBytes UTF-8 size of the serialized eventData, or a negative value to skip the size check
     */
    public static void checkLimits(ObjectNode data, long serializedBytes, List<Violation> violations) {
        if (serializedBytes > Limits.MAX_EVENT_DATA_BYTES) {
            violations.add(new Violation(
                    BASE,
                    Violation.RULE_MAX_SIZE,
                    "eventData must be at most " + Limits.MAX_EVENT_DATA_BYTES + " bytes"));
        }
        walk(data, BASE, 1, violations);
    }

    private static boolean walk(JsonNode node, String pointer, int depth, List<Violation> violations) {
        if (node.isContainerNode()) {
            if (depth > Limits.MAX_EVENT_DATA_DEPTH) {
                violations.add(new Violation(
                        pointer,
                        Violation.RULE_MAX_DEPTH,
                        "eventData must be nested at most " + Limits.MAX_EVENT_DATA_DEPTH + " levels"));
                return false;
            }
            if (node.isArray()) {
                if (node.size() > Limits.MAX_EVENT_DATA_ARRAY_ITEMS) {
                    violations.add(new Violation(
                            pointer,
                            Violation.RULE_MAX_SIZE,
                            "arrays must have at most " + Limits.MAX_EVENT_DATA_ARRAY_ITEMS + " elements"));
                }
                for (int i = 0; i < node.size(); i++) {
                    if (!walk(node.get(i), pointer + "/" + i, depth + 1, violations)) {
                        return false;
                    }
                }
            } else {
                var it = node.fields();
                while (it.hasNext()) {
                    var e = it.next();
                    if (!walk(e.getValue(), pointer + "/" + Violation.escape(e.getKey()), depth + 1, violations)) {
                        return false;
                    }
                }
            }
        } else if (node.isTextual() && codePoints(node.textValue()) > Limits.MAX_EVENT_DATA_STRING_LENGTH) {
            violations.add(new Violation(
                    pointer,
                    Violation.RULE_MAX_LENGTH,
                    "strings must be at most " + Limits.MAX_EVENT_DATA_STRING_LENGTH + " characters"));
        }
        return true;
    }

    /** The length of a string in code points, as JSON Schema's {@code maxLength} counts it (ADR 0040). */
    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }
}
