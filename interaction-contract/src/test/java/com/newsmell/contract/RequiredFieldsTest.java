package com.newsmell.contract;

import static com.newsmell.contract.TestEvents.decodeViolations;
import static com.newsmell.contract.TestEvents.event;
import static com.newsmell.contract.TestEvents.json;
import static com.newsmell.contract.TestEvents.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.data.PageViewData;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #21, "The seed's types": "required is required as the seed's interfaces say, unless an ADR names the
 * exception and its reason". The seed's five interfaces are quoted verbatim and their required fields (no {@code
 * ?}) read from the quote: {@link RequiredFields} must be exactly those, less ADR 0014's exceptions, and each one
 * missing from a submission is a {@code required} violation at its pointer. Before, all of them were optional.
 */
class RequiredFieldsTest {

    /** user-interaction-data-model.md, "Detailed Event Schemas", verbatim. */
    static final String SEED_INTERFACES = """
            interface PageViewEvent {
              eventType: "PAGE_VIEW" | "PERFUME_VIEW" | "HOUSE_VIEW"
              timestamp: Date

              // Page context
              path: string
              title: string

              // Resource IDs
              perfumeId?: string
              houseId?: string

              // Metrics
              viewDuration: number // milliseconds
              scrollDepth: number // percentage (0-100)
              timeToInteraction: number // milliseconds to first interaction

              // Context
              source: "direct" | "search" | "recommendation" | "social" | "external"
              referrer?: string

              // Device info
              viewport: { width: number; height: number }
              deviceType: "mobile" | "tablet" | "desktop"
            }

            interface SearchEvent {
              eventType: "SEARCH_PERFORMED"
              timestamp: Date

              // Query details
              query: string
              queryLength: number
              queryWords: string[]

              // Filters
              filters: {
                houses?: string[]
                notes?: string[]
                priceRange?: { min: number; max: number }
                perfumeType?: string[]
                availability?: boolean
                tradeable?: boolean
              }

              // Results
              resultsCount: number
              resultsShown: number
              hasResults: boolean

              // Context
              searchType: "initial" | "refinement" | "suggestion_click"
              previousQuery?: string
              suggestionUsed?: boolean
            }

            interface RatingEvent {
              eventType: "RATING_COMPLETED"
              timestamp: Date

              perfumeId: string

              // Rating values
              ratings: {
                overall?: number // 1-5
                longevity?: number // 1-5
                sillage?: number // 1-5
                priceValue?: number // 1-5
                gender?: number // 1-5
              }

              // Interaction metrics
              timeToComplete: number // seconds
              categoriesRated: number
              edited: boolean
              previousRatings?: object

              // Context
              source: "detail_page" | "collection" | "prompt"
              hadPreviousRating: boolean
            }

            interface CollectionEvent {
              eventType: "COLLECTION_ADD" | "COLLECTION_UPDATE" | "COLLECTION_REMOVE"
              timestamp: Date

              perfumeId: string

              // Collection details
              amount?: string
              available?: string
              price?: string
              tradePreference?: "cash" | "trade" | "both"

              // Context
              source: "detail_page" | "wishlist_convert" | "import"
              timeInWishlist?: number // If converted from wishlist

              // For updates
              changedFields?: string[]
              previousValues?: object
            }

            interface EngagementEvent {
              eventType: "IMAGE_VIEWED" | "NOTES_EXPANDED" | "SIMILAR_CLICKED"
              timestamp: Date

              perfumeId: string

              // Event-specific data
              eventData: {
                // For IMAGE_VIEWED
                imageIndex?: number
                viewDuration?: number
                zoomed?: boolean

                // For NOTES_EXPANDED
                noteType?: "open" | "heart" | "base"
                expandDuration?: number

                // For SIMILAR_CLICKED
                targetPerfumeId?: string
                position?: number
                similarityReason?: string
              }

              // Context
              pageScrollPosition: number
              timeOnPage: number
            }
            """;

    /**
     * The seed's fields every event carries on its envelope, required by the envelope's own rules since version 1
     * ({@code eventType}, {@code timestamp}, {@code path}) or by the type ({@code perfumeId}, see {@link
     * EventParser#REQUIRES_PERFUME_ID}); and EngagementEvent's {@code eventData}, which is the envelope's eventData.
     */
    static final Set<String> ENVELOPE_FIELDS = Set.of("eventType", "timestamp", "path", "perfumeId", "eventData");

    /** EngagementEvent's "Context" fields: on the event (the envelope), not in eventData. */
    static final Set<String> ON_THE_EVENT = Set.of("pageScrollPosition", "timeOnPage");

    /** ADR 0014's exceptions, with the interface they are in. */
    static final Map<String, Set<String>> EXCEPTIONS = Map.of("PageViewEvent", Set.of("timeToInteraction"));

    /** One seed interface: its event types, and its top-level fields without {@code ?} (in order). */
    record SeedInterface(String name, List<InteractionEventType> types, List<String> required) {}

    private static final Pattern HEADER = Pattern.compile("interface (\\w+) \\{");
    private static final Pattern FIELD = Pattern.compile("^(\\w+)(\\??):\\s*(.*)$");

    /** The quoted interfaces, read line by line: a field at depth 1 is the interface's own. */
    static List<SeedInterface> seedInterfaces() {
        List<SeedInterface> out = new ArrayList<>();
        String name = null;
        List<InteractionEventType> types = new ArrayList<>();
        List<String> required = new ArrayList<>();
        int depth = 0;
        for (String raw : SEED_INTERFACES.lines().toList()) {
            String line = raw.strip();
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                name = header.group(1);
                types = new ArrayList<>();
                required = new ArrayList<>();
                depth = 1;
                continue;
            }
            Matcher field = FIELD.matcher(line);
            if (depth == 1 && field.matches()) {
                if (field.group(1).equals("eventType")) {
                    for (String t : field.group(3).split("\\|")) {
                        types.add(InteractionEventType.valueOf(t.strip().replace("\"", "")));
                    }
                }
                if (field.group(2).isEmpty()) {
                    required.add(field.group(1));
                }
            }
            depth += count(line, '{') - count(line, '}');
            if (depth == 0 && name != null) {
                out.add(new SeedInterface(name, List.copyOf(types), List.copyOf(required)));
                name = null;
            }
        }
        return out;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    @Test
    @DisplayName("the quote holds the seed's five interfaces and their eight event types")
    void theQuoteIsRead() {
        assertEquals(
                List.of("PageViewEvent", "SearchEvent", "RatingEvent", "CollectionEvent", "EngagementEvent"),
                seedInterfaces().stream().map(SeedInterface::name).toList());
        assertEquals(
                List.of(
                        "eventType",
                        "timestamp",
                        "path",
                        "title",
                        "viewDuration",
                        "scrollDepth",
                        "timeToInteraction",
                        "source",
                        "viewport",
                        "deviceType"),
                seedInterfaces().get(0).required());
    }

    @Test
    @DisplayName("RequiredFields is exactly the seed's required fields, less the envelope's and ADR 0014's exceptions")
    void requiredFieldsAreTheSeeds() {
        Map<InteractionEventType, Set<String>> data = new EnumMap<>(InteractionEventType.class);
        Map<InteractionEventType, Set<String>> envelope = new EnumMap<>(InteractionEventType.class);
        for (SeedInterface seed : seedInterfaces()) {
            for (InteractionEventType type : seed.types()) {
                for (String field : seed.required()) {
                    if (EXCEPTIONS.getOrDefault(seed.name(), Set.of()).contains(field)) {
                        continue;
                    }
                    boolean engagementPerfume =
                            field.equals("perfumeId") && !EventParser.REQUIRES_PERFUME_ID.contains(type);
                    if (ON_THE_EVENT.contains(field) || engagementPerfume) {
                        envelope.computeIfAbsent(type, t -> new TreeSet<>()).add(field);
                    } else if (!ENVELOPE_FIELDS.contains(field) && !field.equals("deviceType")) {
                        data.computeIfAbsent(type, t -> new TreeSet<>()).add(field);
                    }
                }
            }
        }
        assertEquals(data, sorted(RequiredFields.EVENT_DATA));
        assertEquals(envelope, sorted(RequiredFields.ENVELOPE));
        assertEquals(
                Set.copyOf(seedInterfaces().get(0).types()),
                RequiredFields.NEEDS_DEVICE_TYPE,
                "PageViewEvent: deviceType: \"mobile\" | \"tablet\" | \"desktop\"");
    }

    private static Map<InteractionEventType, Set<String>> sorted(Map<InteractionEventType, List<String>> map) {
        Map<InteractionEventType, Set<String>> out = new EnumMap<>(InteractionEventType.class);
        map.forEach((type, fields) -> out.put(type, new TreeSet<>(fields)));
        return out;
    }

    static Stream<Arguments> requiredEventDataFields() {
        return RequiredFields.EVENT_DATA.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(field -> Arguments.of(e.getKey(), field)));
    }

    @ParameterizedTest(name = "{0} without eventData.{1}: /eventData/{1} required")
    @MethodSource("requiredEventDataFields")
    void eachRequiredEventDataFieldMissingIsAViolation(InteractionEventType type, String field) {
        List<String> expected = List.of("/eventData/" + field + " required");
        assertEquals(expected, violations(event(type.name(), "{}", "-eventData/" + field)));
        assertEquals(expected, violations(event(type.name(), "{}", "eventData/" + field + "=null")));
    }

    static Stream<Arguments> requiredEnvelopeFields() {
        return RequiredFields.ENVELOPE.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(field -> Arguments.of(e.getKey(), field)));
    }

    // Seed, EngagementEvent: "perfumeId: string", "pageScrollPosition: number", "timeOnPage: number" — on the event.
    @ParameterizedTest(name = "{0} without {1}: /{1} required")
    @MethodSource("requiredEnvelopeFields")
    void eachRequiredEnvelopeFieldMissingIsAViolation(InteractionEventType type, String field) {
        List<String> expected = List.of("/" + field + " required");
        assertEquals(expected, violations(event(type.name(), "{}", "-" + field)));
        assertEquals(expected, violations(event(type.name(), "{}", field + "=null")));
    }

    @ParameterizedTest(name = "{0} with a blank perfumeId: /perfumeId required")
    @ValueSource(strings = {"IMAGE_VIEWED", "NOTES_EXPANDED", "SIMILAR_CLICKED"})
    @DisplayName("EngagementEvent: perfumeId: string — a blank id is no id")
    void engagementNeedsANonBlankPerfumeId(String type) {
        assertEquals(List.of("/perfumeId required"), violations(event(type, "{}", "perfumeId=\" \"")));
    }

    // Seed, EngagementEvent: "pageScrollPosition: number", "timeOnPage: number" outside "eventData: { … }".
    @ParameterizedTest(name = "{0}: pageScrollPosition and timeOnPage only inside eventData do not count")
    @ValueSource(strings = {"IMAGE_VIEWED", "NOTES_EXPANDED", "SIMILAR_CLICKED"})
    void engagementContextIsReadOnTheEventNotInEventData(String type) {
        ObjectNode node =
                event(type, "{\"pageScrollPosition\":640,\"timeOnPage\":5000}", "-pageScrollPosition", "-timeOnPage");
        assertEquals(List.of("/pageScrollPosition required", "/timeOnPage required"), violations(node));
    }

    // Seed, PageViewEvent: "viewport: { width: number; height: number }".
    @ParameterizedTest(name = "viewport without {0}: /eventData/viewport/{0} required")
    @ValueSource(strings = {"width", "height"})
    void viewportNeedsWidthAndHeight(String field) {
        assertEquals(
                List.of("/eventData/viewport/" + field + " required"),
                violations(event("PAGE_VIEW", "{\"viewport\":{\"" + field + "\":null}}")));
    }

    // Seed, SearchEvent: "priceRange?: { min: number; max: number }" — optional, but whole when given.
    @ParameterizedTest(name = "priceRange without {0}: /eventData/filters/priceRange/{0} required")
    @ValueSource(strings = {"min", "max"})
    void priceRangeNeedsMinAndMax(String field) {
        String other = field.equals("min") ? "max" : "min";
        assertEquals(
                List.of("/eventData/filters/priceRange/" + field + " required"),
                violations(event("SEARCH_PERFORMED", "{\"filters\":{\"priceRange\":{\"" + other + "\":10}}}")));
    }

    // Seed, PageViewEvent: "deviceType: \"mobile\" | \"tablet\" | \"desktop\"" — the contract reads it in eventData
    // (PageViewData) or on the envelope (UserInteractionEvent "deviceType String?").
    @ParameterizedTest(name = "{0}: deviceType in eventData or on the event, one of them is required")
    @ValueSource(strings = {"PAGE_VIEW", "PERFUME_VIEW", "HOUSE_VIEW"})
    void pageViewsNeedADeviceTypeInEitherPlace(String type) {
        assertEquals(List.of(), violations(event(type, "{}", "-eventData/deviceType", "deviceType=\"mobile\"")));
        assertEquals(List.of(), violations(event(type, "{}")));
        assertEquals(List.of("/eventData/deviceType required"), violations(event(type, "{}", "-eventData/deviceType")));
    }

    // ADR 0014, exception: "timeToInteraction: number // milliseconds to first interaction" — a page left without any
    // interaction has none; a required value would make clients invent one.
    @ParameterizedTest(name = "{0} without timeToInteraction passes (ADR 0014)")
    @ValueSource(strings = {"PAGE_VIEW", "PERFUME_VIEW", "HOUSE_VIEW"})
    void timeToInteractionIsTheException(String type) {
        assertEquals(List.of(), violations(event(type, "{}", "-eventData/timeToInteraction")));
    }

    // ADR 0014: the required fields are those of the types each interface names; the types the contract reads with
    // the same schema (ADR 0002) have no seed interface of their own, so their fields stay optional.
    @ParameterizedTest(name = "{0}: no seed interface names it, an empty eventData passes")
    @ValueSource(
            strings = {
                "COLLECTION_VIEW",
                "PROFILE_VIEWED",
                "SEARCH_REFINED",
                "SEARCH_NO_RESULTS",
                "RATING_STARTED",
                "RATING_UPDATED",
                "WISHLIST_ADD",
                "WISHLIST_REMOVE",
                "IMAGE_ZOOMED",
                "NOTES_COLLAPSED",
                "HOUSE_LINK_CLICKED"
            })
    void typesNoSeedInterfaceNamesHaveNoRequiredFields(String type) {
        assertEquals(List.of(), violations(event(type, "{}")));
    }

    // ADR 0014: "the collector checks and stamps every submission as the current version".
    @Test
    @DisplayName("a submission saying schemaVersion 1 is still checked, and stamped, as the current version")
    void aSubmissionIsAlwaysTheCurrentVersion() {
        assertEquals(
                List.of("/eventData/title required"),
                violations(event("PAGE_VIEW", "{}", "schemaVersion=1", "-eventData/title")));
        assertEquals(
                UserInteractionEvent.CURRENT_SCHEMA_VERSION,
                EventParser.parse(event("PAGE_VIEW", "{}", "schemaVersion=1"))
                        .event()
                        .schemaVersion());
        assertEquals(RequiredFields.SINCE_SCHEMA_VERSION, UserInteractionEvent.CURRENT_SCHEMA_VERSION);
    }

    /** A PAGE_VIEW and a NOTES_EXPANDED exactly as the collector stored them with schemaVersion 1. */
    static final String V1_PAGE_VIEW = "{\"eventId\":\"7d444840-9dc0-11d1-b245-5ffdce74fad2\",\"schemaVersion\":1,"
            + "\"userId\":\"u-1\",\"sessionId\":\"s-1\",\"eventType\":\"PAGE_VIEW\",\"eventCategory\":\"VIEW\","
            + "\"timestamp\":\"2025-06-01T10:00:00Z\",\"clientTimestamp\":\"2025-06-01T10:00:00Z\","
            + "\"receivedAt\":\"2025-06-01T10:00:01Z\",\"eventData\":{\"scrollDepth\":40},\"isBot\":false,\"path\":\"/\"}";

    static final String V1_NOTES_EXPANDED = "{\"eventId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"schemaVersion\":1,"
            + "\"sessionId\":\"s-1\",\"eventType\":\"NOTES_EXPANDED\",\"eventCategory\":\"ENGAGEMENT\","
            + "\"timestamp\":\"2025-06-01T10:00:05Z\",\"clientTimestamp\":\"2025-06-01T10:00:05Z\","
            + "\"receivedAt\":\"2025-06-01T10:00:06Z\",\"eventData\":{\"noteType\":\"heart\",\"expandDuration\":1500,"
            + "\"pageScrollPosition\":640,\"timeOnPage\":5000},\"isBot\":false,\"path\":\"/perfumes/p-1\"}";

    // Issue #21: "Old events already stored keep working."
    @Test
    @DisplayName("an event stored with schemaVersion 1 without the seed's required fields still decodes")
    void storedVersionOneEventsStillDecode() {
        assertEquals(List.of(), decodeViolations(json(V1_PAGE_VIEW)));
        UserInteractionEvent view = EventCodec.fromJson(V1_PAGE_VIEW);
        assertEquals(1, view.schemaVersion());
        assertEquals(40.0, ((PageViewData) view.data()).scrollDepth());
        assertEquals(view, EventCodec.fromJson(EventCodec.toJson(view)), "and round-trips as version 1");
    }

    // ADR 0014: version 1 kept an engagement event's pageScrollPosition / timeOnPage in eventData.
    @Test
    @DisplayName(
            "a stored version 1 engagement event: no perfumeId needed, pageScrollPosition/timeOnPage read from eventData")
    void storedVersionOneEngagementReadsItsContextFromEventData() {
        UserInteractionEvent notes = EventCodec.fromJson(V1_NOTES_EXPANDED);
        assertNull(notes.perfumeId());
        assertEquals(640.0, notes.pageScrollPosition());
        assertEquals(5000.0, notes.timeOnPage());
        assertEquals(
                json("{\"noteType\":\"heart\",\"expandDuration\":1500,\"pageScrollPosition\":640,\"timeOnPage\":5000}"),
                notes.eventData(),
                "eventData is kept as stored");
    }

    @Test
    @DisplayName("from version 2 on, eventData's pageScrollPosition/timeOnPage are ordinary eventData: never read")
    void versionTwoReadsTheContextOnlyOnTheEvent() {
        ObjectNode node = (ObjectNode) json(V1_NOTES_EXPANDED);
        node.put("schemaVersion", 2);
        UserInteractionEvent notes = EventCodec.fromJsonNode(node);
        assertNull(notes.pageScrollPosition());
        assertNull(notes.timeOnPage());
    }

    // ADR 0014: the required fields are the collector's to check on submission; consumers decode without them.
    @Test
    @DisplayName("decoding applies no required field of the seed, whatever the version")
    void decodingAppliesNoSeedRequiredField() {
        ObjectNode node = (ObjectNode) json(V1_PAGE_VIEW);
        node.put("schemaVersion", UserInteractionEvent.CURRENT_SCHEMA_VERSION);
        assertEquals(List.of(), decodeViolations(node));
        assertEquals(
                List.of(
                        "/eventData/title required",
                        "/eventData/viewDuration required",
                        "/eventData/source required",
                        "/eventData/viewport required",
                        "/eventData/deviceType required"),
                violations(node),
                "the same event submitted");
    }
}
