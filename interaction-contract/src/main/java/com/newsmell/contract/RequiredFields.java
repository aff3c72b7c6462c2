package com.newsmell.contract;

import static com.newsmell.contract.InteractionEventType.COLLECTION_ADD;
import static com.newsmell.contract.InteractionEventType.COLLECTION_REMOVE;
import static com.newsmell.contract.InteractionEventType.COLLECTION_UPDATE;
import static com.newsmell.contract.InteractionEventType.COLLECTION_VIEW;
import static com.newsmell.contract.InteractionEventType.HOUSE_VIEW;
import static com.newsmell.contract.InteractionEventType.IMAGE_VIEWED;
import static com.newsmell.contract.InteractionEventType.NOTES_EXPANDED;
import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.PROFILE_VIEWED;
import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.SEARCH_NO_RESULTS;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static com.newsmell.contract.InteractionEventType.SEARCH_REFINED;
import static com.newsmell.contract.InteractionEventType.SIMILAR_CLICKED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seed's required fields: every field without {@code ?} in its event interfaces ("Detailed Event Schemas"), for
 * the event types each interface names, except the one exception ADR 0014 names ({@code timeToInteraction}). The
 * collector checks them on every submission since {@link #SINCE_SCHEMA_VERSION}; events stored before (schemaVersion
 * 1) were not checked and are read as they are, so consumers never apply these rules (ADR 0014).
 *
 * <p>The seed's {@code eventType}, {@code timestamp} and {@code path} were required before, by the envelope's rules
 * ({@link EventParser}); so were {@code perfumeId} of RatingEvent and CollectionEvent
 * ({@link EventParser#REQUIRES_PERFUME_ID}).
 */
public final class RequiredFields {

    /** The schemaVersion from which the collector has checked these fields on every event it accepted. */
    public static final int SINCE_SCHEMA_VERSION = 2;

    /**
     * The required eventData fields of each type the seed's interfaces name; a type not in the map has none.
     *
     * <ul>
     *   <li>PageViewEvent ({@code "PAGE_VIEW" | "PERFUME_VIEW" | "HOUSE_VIEW"}): {@code title}, {@code viewDuration},
     *       {@code scrollDepth}, {@code source}, {@code viewport} ({@code width} and {@code height}); {@code
     *       deviceType} in eventData or on the envelope; not {@code timeToInteraction} (ADR 0014: a page left
     *       without any interaction has none);
     *   <li>SearchEvent ({@code "SEARCH_PERFORMED"}): {@code query}, {@code queryLength}, {@code queryWords},
     *       {@code filters} (its {@code priceRange}, when given, with {@code min} and {@code max}), {@code
     *       resultsCount}, {@code resultsShown}, {@code hasResults}, {@code searchType};
     *   <li>RatingEvent ({@code "RATING_COMPLETED"}): {@code ratings}, {@code timeToComplete}, {@code
     *       categoriesRated}, {@code edited}, {@code source}, {@code hadPreviousRating};
     *   <li>CollectionEvent ({@code "COLLECTION_ADD" | "COLLECTION_UPDATE" | "COLLECTION_REMOVE"}): {@code source}.
     * </ul>
     */
    public static final Map<InteractionEventType, List<String>> EVENT_DATA;

    /**
     * The required envelope fields of each type the seed's interfaces name, beyond the envelope's own rules:
     * EngagementEvent ({@code "IMAGE_VIEWED" | "NOTES_EXPANDED" | "SIMILAR_CLICKED"}): {@code perfumeId}, {@code
     * pageScrollPosition}, {@code timeOnPage} — on the event, where the seed puts them.
     */
    public static final Map<InteractionEventType, List<String>> ENVELOPE;

    /** Seed, PageViewEvent: {@code viewport: { width: number; height: number }}. */
    public static final List<String> VIEWPORT = List.of("width", "height");

    /** Seed, SearchEvent: {@code priceRange?: { min: number; max: number }}. */
    public static final List<String> PRICE_RANGE = List.of("min", "max");

    /**
     * The types whose eventData is a PageViewData, the shape that defines {@code viewport}: a viewport they send has
     * both members. Another type's {@code viewport} is no field of its shape and is not checked (ADR 0040: found by the
     * schema differential test).
     */
    public static final Set<InteractionEventType> VIEWPORT_TYPES =
            EnumSet.of(PAGE_VIEW, PERFUME_VIEW, HOUSE_VIEW, COLLECTION_VIEW, PROFILE_VIEWED);

    /** The types whose eventData is a SearchData, the shape that defines {@code filters.priceRange}: idem. */
    public static final Set<InteractionEventType> PRICE_RANGE_TYPES =
            EnumSet.of(SEARCH_PERFORMED, SEARCH_REFINED, SEARCH_NO_RESULTS);

    /** Seed, PageViewEvent: {@code deviceType: "mobile" | "tablet" | "desktop"}, in eventData or on the envelope. */
    public static final Set<InteractionEventType> NEEDS_DEVICE_TYPE = Set.of(PAGE_VIEW, PERFUME_VIEW, HOUSE_VIEW);

    static {
        Map<InteractionEventType, List<String>> data = new EnumMap<>(InteractionEventType.class);
        List<String> pageView = List.of("title", "viewDuration", "scrollDepth", "source", "viewport");
        NEEDS_DEVICE_TYPE.forEach(type -> data.put(type, pageView));
        data.put(
                SEARCH_PERFORMED,
                List.of(
                        "query",
                        "queryLength",
                        "queryWords",
                        "filters",
                        "resultsCount",
                        "resultsShown",
                        "hasResults",
                        "searchType"));
        data.put(
                RATING_COMPLETED,
                List.of("ratings", "timeToComplete", "categoriesRated", "edited", "source", "hadPreviousRating"));
        for (InteractionEventType type : List.of(COLLECTION_ADD, COLLECTION_UPDATE, COLLECTION_REMOVE)) {
            data.put(type, List.of("source"));
        }
        EVENT_DATA = Map.copyOf(data);

        Map<InteractionEventType, List<String>> envelope = new EnumMap<>(InteractionEventType.class);
        for (InteractionEventType type : List.of(IMAGE_VIEWED, NOTES_EXPANDED, SIMILAR_CLICKED)) {
            envelope.put(type, List.of("perfumeId", "pageScrollPosition", "timeOnPage"));
        }
        ENVELOPE = Map.copyOf(envelope);
    }

    private RequiredFields() {}

    /**
     * Reports each required field of {@code type} that is absent, {@code null} or (an id) blank, as {@code required}
     * at its pointer; {@code data} reads the eventData object ({@code /eventData}).
     */
    static void check(InteractionEventType type, FieldReader event, FieldReader data) {
        for (String field : ENVELOPE.getOrDefault(type, List.of())) {
            if (event.absentOrBlank(field)) {
                event.violation(field, Violation.RULE_REQUIRED, "'" + field + "' is required for " + type);
            }
        }
        EVENT_DATA.getOrDefault(type, List.of()).forEach(data::require);
        if (NEEDS_DEVICE_TYPE.contains(type) && !data.present("deviceType") && !event.present("deviceType")) {
            data.violation(
                    "deviceType",
                    Violation.RULE_REQUIRED,
                    "'deviceType' is required for " + type + " (in eventData or on the event)");
        }
        if (VIEWPORT_TYPES.contains(type)) {
            requireMembers(data.nestedObject("viewport"), VIEWPORT);
        }
        if (PRICE_RANGE_TYPES.contains(type)) {
            FieldReader filters = data.nestedObject("filters");
            requireMembers(filters == null ? null : filters.nestedObject("priceRange"), PRICE_RANGE);
        }
    }

    private static void requireMembers(FieldReader object, List<String> fields) {
        if (object != null) {
            fields.forEach(object::require);
        }
    }
}
