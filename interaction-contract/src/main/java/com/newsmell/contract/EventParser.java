package com.newsmell.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.data.EventData;
import com.newsmell.contract.data.SearchClickData;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates one event JSON object and builds the {@link UserInteractionEvent} envelope, in one of two modes
 * (ADR 0014):
 *
 * <ul>
 *   <li>{@link #parse} — a client's submission (the collector): every rule of the current schema version, including
 *       the seed's required fields ({@link RequiredFields}); the event is of {@link
 *       UserInteractionEvent#CURRENT_SCHEMA_VERSION};
 *   <li>{@link #decode} — an event as stored on the topic or in the raw store, of any known schemaVersion (every
 *       consumer, through {@link EventCodec}): the same rules without {@link RequiredFields}, which were the
 *       collector's to check when the event was accepted; a schemaVersion 1 engagement event's {@code
 *       pageScrollPosition} / {@code timeOnPage} are read from its eventData, where version 1 kept them.
 * </ul>
 *
 * <p>A string that cannot be stored ({@link StorableText}: a NUL, a lone surrogate) anywhere in the event rejects
 * it in both modes with {@code no-nul} / {@code utf-16} at the string's pointer, and only those violations are
 * reported (no other message can repeat the string). Otherwise all violations are collected, none is fatal.
 *
 * <p>Rules (pointers relative to the event object):
 *
 * <ul>
 *   <li>the node must be an object ({@code ""} / {@code type});
 *   <li>{@code sessionId} required non-blank string, at most {@link Limits#MAX_ID_LENGTH} characters;
 *   <li>{@code path} required non-blank string, at most {@link Limits#MAX_URL_LENGTH} characters;
 *   <li>{@code anonymousId} optional string of at most {@link Limits#MAX_ID_LENGTH} characters (ADR 0061); on a
 *       Segment-spec event ({@link #parseSpec}) and a stored one, {@code sessionId} and {@code path} are optional
 *       and one of {@code sessionId}, {@code anonymousId}, {@code userId} is required;
 *   <li>{@code eventType} required, a known {@link InteractionEventType} name ({@code enum});
 *   <li>{@code eventCategory} optional, derived from the type when absent; a known name ({@code enum}) equal to
 *       the type's category ({@code mismatch});
 *   <li>{@code eventId} optional UUID string ({@code format}); never generated here;
 *   <li>{@code timestamp} required ISO-8601 instant with offset ({@code format}); {@code clientTimestamp},
 *       {@code sentAt}, {@code receivedAt} optional ISO-8601 instants; an absent {@code clientTimestamp} is set to
 *       {@code timestamp};
 *   <li>{@code userId}, {@code perfumeId}, {@code houseId}, {@code noteId}, {@code recommendationId} optional
 *       strings of at most {@link Limits#MAX_ID_LENGTH} characters; blank values are treated as absent;
 *   <li>{@code deviceType} optional, one of {@link #DEVICE_TYPES}; {@code duration} optional integer
 *       {@code >= 0} (the seed's {@code Int}); {@code value} optional number; {@code pageScrollPosition} and
 *       {@code timeOnPage} optional numbers {@code >= 0}; {@code isBot} optional boolean (default false);
 *   <li>{@code schemaVersion} optional: on a submission the SchemaVer the event was written against ({@code
 *       "2-1-0"}; {@code format}) or, as before SchemaVer, an integer model N (read as N-0-0), its model
 *       1..{@link UserInteractionEvent#CURRENT_SCHEMA_VERSION} ({@code range}; {@link WrittenAgainst}); kept as sent
 *       in {@code schemaVersionSent}, and the event is checked and stamped as the current model whatever it says. A
 *       stored event's {@code schemaVersion} is the integer model it was stamped with;
 *   <li>{@code eventData} optional object (default {@code {}}), checked against {@link Limits} and the schema of
 *       the event type ({@link EventDataReader});
 *   <li>per type: see {@link #REQUIRES_PERFUME_ID}, {@link #REQUIRES_RECOMMENDATION_ID}, {@link
 *       #REQUIRES_USER_ID}; SEARCH_RESULT_CLICKED
 *       needs a perfumeId in the envelope or in eventData ({@code /perfumeId} / {@code required});
 *   <li>a JSON {@code null} counts as absent; any other wrong JSON type yields {@code type}; unknown top-level
 *       fields are ignored.
 * </ul>
 */
public final class EventParser {

    public static final Set<String> DEVICE_TYPES = Set.of("mobile", "tablet", "desktop");

    /** Event types whose envelope must carry a {@code perfumeId}. */
    public static final Set<InteractionEventType> REQUIRES_PERFUME_ID = EnumSet.of(
            InteractionEventType.PERFUME_VIEW,
            InteractionEventType.RATING_STARTED,
            InteractionEventType.RATING_COMPLETED,
            InteractionEventType.RATING_UPDATED,
            InteractionEventType.REVIEW_SUBMITTED,
            InteractionEventType.REVIEW_UPDATED,
            InteractionEventType.WISHLIST_ADD,
            InteractionEventType.WISHLIST_REMOVE,
            InteractionEventType.COLLECTION_ADD,
            InteractionEventType.COLLECTION_UPDATE,
            InteractionEventType.COLLECTION_REMOVE,
            InteractionEventType.TRADE_INQUIRY,
            InteractionEventType.RECOMMENDATION_SHOWN,
            InteractionEventType.RECOMMENDATION_CLICKED,
            InteractionEventType.RECOMMENDATION_FEEDBACK);

    /** Event types whose envelope must carry a {@code recommendationId}. */
    public static final Set<InteractionEventType> REQUIRES_RECOMMENDATION_ID = EnumSet.of(
            InteractionEventType.RECOMMENDATION_SHOWN,
            InteractionEventType.RECOMMENDATION_CLICKED,
            InteractionEventType.RECOMMENDATION_FEEDBACK);

    /**
     * Event types whose envelope must carry a {@code userId} (ADR 0020: a signup is always a known user's). Checked in
     * both modes, like the other per-type requirements: no stored event of these types lacks one.
     */
    public static final Set<InteractionEventType> REQUIRES_USER_ID = EnumSet.of(InteractionEventType.USER_REGISTERED);

    private static final Pattern UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private EventParser() {}

    /** A client's submission: every rule of the current schema version, the seed's required fields included. */
    public static ParseResult parse(JsonNode node) {
        return parse(node, Mode.NATIVE);
    }

    /**
     * An event mapped from a Segment-spec message (ADR 0061): the envelope's and eventData's rules of a submission,
     * but {@code sessionId} and {@code path} are optional (Segment's spec has neither) as long as {@code sessionId},
     * {@code anonymousId} or {@code userId} identifies the visitor, and the seed's required fields, which no Segment
     * message carries, are not checked.
     */
    public static ParseResult parseSpec(JsonNode node) {
        return parse(node, Mode.SPEC);
    }

    /**
     * An event as stored (topic, raw store), of any known schemaVersion: the rules without the seed's required
     * fields, which the collector checked when it accepted the event; on a model-2 event {@code sessionId} and {@code
     * path} may be absent as on a Segment-spec event (ADR 0061), a model-1 event (stored before) has both.
     */
    public static ParseResult decode(JsonNode node) {
        return parse(node, Mode.STORED);
    }

    /** Which rules apply: a native submission, a mapped Segment-spec submission, or a stored event. */
    private enum Mode {
        NATIVE,
        SPEC,
        STORED;

        boolean submission() {
            return this != STORED;
        }
    }

    private static ParseResult parse(JsonNode node, Mode mode) {
        boolean submission = mode.submission();
        List<Violation> v = new ArrayList<>();
        FieldReader r = FieldReader.root(node, "event", v);
        if (r == null) {
            return new ParseResult(null, v);
        }

        int schemaVersion = UserInteractionEvent.CURRENT_SCHEMA_VERSION;
        String schemaVersionSent = null;
        if (submission) {
            WrittenAgainst written = WrittenAgainst.read(r);
            schemaVersionSent = written == null ? null : written.sent();
        } else {
            Integer sv = r.integer("schemaVersion", 1, UserInteractionEvent.CURRENT_SCHEMA_VERSION);
            if (sv != null) {
                schemaVersion = sv;
            }
            JsonNode sent = r.object().get("schemaVersionSent");
            schemaVersionSent = sent != null && sent.isTextual() ? sent.textValue() : null; // as the collector kept it
        }

        String eventId = r.string("eventId");
        if (eventId != null && !UUID.matcher(eventId).matches()) {
            r.violation("eventId", Violation.RULE_FORMAT, "'eventId' must be a UUID");
            eventId = null;
        }

        String sessionId;
        String path;
        String anonymousId = optionalId(r, "anonymousId");
        if (mode == Mode.NATIVE || schemaVersion < 2) { // a model-1 event is from before Segment-spec ingest
            sessionId = requiredString(r, "sessionId", Limits.MAX_ID_LENGTH);
            path = requiredString(r, "path", Limits.MAX_URL_LENGTH);
        } else {
            sessionId = optionalId(r, "sessionId");
            path = r.string("path", Limits.MAX_URL_LENGTH);
            path = path == null || path.isBlank() ? null : path;
            if (sessionId == null && anonymousId == null && r.absentOrBlank("userId")) {
                r.violation(
                        "anonymousId",
                        Violation.RULE_REQUIRED,
                        "one of 'sessionId', 'anonymousId' or 'userId' is required");
            }
        }

        InteractionEventType eventType = null;
        if (r.require("eventType")) {
            String name = r.string("eventType");
            if (name != null) {
                eventType = InteractionEventType.fromName(name).orElse(null);
                if (eventType == null) {
                    r.violation("eventType", Violation.RULE_ENUM, "unknown eventType '" + truncate(name) + "'");
                }
            }
        }

        InteractionCategory eventCategory = null;
        String categoryName = r.string("eventCategory");
        if (categoryName != null) {
            eventCategory = InteractionCategory.fromName(categoryName).orElse(null);
            if (eventCategory == null) {
                r.violation(
                        "eventCategory", Violation.RULE_ENUM, "unknown eventCategory '" + truncate(categoryName) + "'");
            } else if (eventType != null && eventType.category() != eventCategory) {
                r.violation(
                        "eventCategory",
                        Violation.RULE_MISMATCH,
                        "eventCategory of " + eventType + " must be " + eventType.category() + ", was "
                                + eventCategory);
            }
        }
        if (eventType != null) {
            eventCategory = eventType.category();
        }

        Instant timestamp = r.require("timestamp") ? instant(r, "timestamp") : null;
        Instant clientTimestamp = instant(r, "clientTimestamp");
        Instant sentAt = instant(r, "sentAt");
        Instant receivedAt = instant(r, "receivedAt");

        String userId = optionalId(r, "userId");
        String perfumeId = optionalId(r, "perfumeId");
        String houseId = optionalId(r, "houseId");
        String noteId = optionalId(r, "noteId");
        String recommendationId = optionalId(r, "recommendationId");

        String deviceType = r.enumString("deviceType", DEVICE_TYPES);
        String browser = r.string("browser", Limits.MAX_SHORT_TEXT_LENGTH);
        String os = r.string("os", Limits.MAX_SHORT_TEXT_LENGTH);
        Boolean isBot = r.bool("isBot");
        String botReason = r.string("botReason", Limits.MAX_SHORT_TEXT_LENGTH);
        String userAgent = r.string("userAgent", Limits.MAX_USER_AGENT_LENGTH);
        String referrer = r.string("referrer", Limits.MAX_URL_LENGTH);
        String ipPrefix = r.string("ipPrefix", Limits.MAX_SHORT_TEXT_LENGTH);
        String location = r.string("location", Limits.MAX_SHORT_TEXT_LENGTH);
        Integer duration = r.count("duration");
        Double value = r.number("value", -Double.MAX_VALUE, Double.MAX_VALUE);
        Double pageScrollPosition = r.nonNegativeNumber("pageScrollPosition");
        Double timeOnPage = r.nonNegativeNumber("timeOnPage");

        ObjectNode eventData = r.objectField("eventData");
        EventData typed = null;
        if (eventData != null) {
            eventData = eventData.deepCopy();
            EventDataReader.checkLimits(eventData, EventCodec.serializedSize(eventData), v);
        } else {
            eventData = JsonNodeFactory.instance.objectNode();
        }
        if (eventType != null
                && (!r.present("eventData") || r.object().get("eventData").isObject())) {
            typed = EventDataReader.read(eventType, eventData, v);
            FieldReader data = new FieldReader(eventData, EventDataReader.BASE, v);
            if (mode == Mode.NATIVE) {
                RequiredFields.check(eventType, r, data);
            } else if (schemaVersion < RequiredFields.SINCE_SCHEMA_VERSION
                    && eventType.category() == InteractionCategory.ENGAGEMENT) {
                if (pageScrollPosition == null) {
                    pageScrollPosition = data.nonNegativeNumber("pageScrollPosition");
                }
                if (timeOnPage == null) {
                    timeOnPage = data.nonNegativeNumber("timeOnPage");
                }
            }
        }

        if (eventType != null) {
            if (REQUIRES_PERFUME_ID.contains(eventType) && r.absentOrBlank("perfumeId")) {
                r.violation("perfumeId", Violation.RULE_REQUIRED, "'perfumeId' is required for " + eventType);
            }
            if (REQUIRES_USER_ID.contains(eventType) && r.absentOrBlank("userId")) {
                r.violation("userId", Violation.RULE_REQUIRED, "'userId' is required for " + eventType);
            }
            if (REQUIRES_RECOMMENDATION_ID.contains(eventType) && r.absentOrBlank("recommendationId")) {
                r.violation(
                        "recommendationId", Violation.RULE_REQUIRED, "'recommendationId' is required for " + eventType);
            }
            if (eventType == InteractionEventType.SEARCH_RESULT_CLICKED
                    && r.absentOrBlank("perfumeId")
                    && !(typed instanceof SearchClickData c
                            && c.perfumeId() != null
                            && !c.perfumeId().isBlank())
                    && !eventData.hasNonNull("perfumeId")) {
                r.violation(
                        "perfumeId",
                        Violation.RULE_REQUIRED,
                        "'perfumeId' is required for SEARCH_RESULT_CLICKED (envelope or eventData)");
            }
        }

        if (!v.isEmpty()) {
            return new ParseResult(null, v);
        }
        UserInteractionEvent event = new UserInteractionEvent(
                eventId,
                schemaVersion,
                userId,
                sessionId,
                eventType,
                eventCategory,
                timestamp,
                clientTimestamp != null ? clientTimestamp : timestamp,
                sentAt,
                receivedAt,
                perfumeId,
                houseId,
                noteId,
                recommendationId,
                eventData,
                deviceType,
                browser,
                os,
                isBot != null && isBot,
                botReason,
                userAgent,
                referrer,
                path,
                ipPrefix,
                location,
                duration,
                value,
                pageScrollPosition,
                timeOnPage,
                schemaVersionSent,
                anonymousId);
        return new ParseResult(event, v);
    }

    /** Parses an ISO-8601 instant with offset (e.g. {@code 2024-05-01T12:00:00.123Z}); null when invalid. */
    public static Instant parseInstant(String text) {
        if (text == null) {
            return null;
        }
        Instant canonical = CanonicalInstant.parse(text);
        if (canonical != null) {
            return canonical;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(FieldReader r, String field) {
        String s = r.string(field);
        if (s == null) {
            return null;
        }
        Instant i = parseInstant(s);
        if (i == null) {
            r.violation(field, Violation.RULE_FORMAT, "'" + field + "' must be an ISO-8601 instant");
        }
        return i;
    }

    private static String requiredString(FieldReader r, String field, int maxLength) {
        if (!r.require(field)) {
            return null;
        }
        String s = r.string(field, maxLength);
        if (s != null && s.isBlank()) {
            r.violation(field, Violation.RULE_REQUIRED, "'" + field + "' must not be blank");
            return null;
        }
        return s;
    }

    private static String optionalId(FieldReader r, String field) {
        String s = r.string(field, Limits.MAX_ID_LENGTH);
        return s == null || s.isBlank() ? null : s;
    }

    private static String truncate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
