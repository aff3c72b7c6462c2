package com.newsmell.contract;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.data.EventData;
import com.newsmell.contract.data.SearchClickData;
import java.time.Instant;
import java.util.ArrayList;

/**
 * The interaction event envelope: one user interaction as submitted by a client, enriched by the collector and
 * carried on the {@link Topics#INTERACTIONS} topic. Field names follow the {@code UserInteractionEvent} data model.
 *
 * <p>This record is a plain value holder and performs no validation; use {@link EventParser} to validate input
 * and {@link EventCodec} for the wire format. Two adjustments happen on construction: a {@code null}
 * {@code eventData} becomes an empty object, and a {@code null} {@code eventCategory} is derived from
 * {@code eventType}.
 *
 * @param eventId UUID assigned by the server (collector); null before that
 * @param schemaVersion envelope schema version, {@link #CURRENT_SCHEMA_VERSION}
 * @param userId authenticated user, null for anonymous users
 * @param sessionId client session id; the Kafka key of {@link Topics#INTERACTIONS}
 * @param eventType the event type
 * @param eventCategory the category, always {@code eventType.category()} for valid events
 * @param timestamp event time, corrected for client clock skew by the collector
 * @param clientTimestamp the client's raw event time
 * @param sentAt client time at which the batch was sent (optional)
 * @param receivedAt server time at which the event was received
 * @param perfumeId perfume concerned, if any
 * @param houseId perfume house concerned, if any
 * @param noteId note concerned, if any
 * @param recommendationId recommendation concerned (RECOMMENDATION_* events)
 * @param eventData event-specific data, never null (see {@link #data()})
 * @param deviceType mobile | tablet | desktop
 * @param browser browser family (server enrichment)
 * @param os operating system family (server enrichment)
 * @param isBot whether the event was classified as bot traffic
 * @param botReason why the event was classified as bot traffic
 * @param userAgent raw User-Agent
 * @param referrer referrer URL
 * @param path page path, required
 * @param ipPrefix truncated client IP (never the full address)
 * @param location coarse location (e.g. country code)
 * @param duration duration in milliseconds, {@code >= 0}
 * @param value numeric value (rating, price, ...)
 * @param pageScrollPosition the page's scroll position in CSS pixels when the event happened, {@code >= 0}: the
 *     seed's EngagementEvent puts it on the event ({@code pageScrollPosition: number}); required on IMAGE_VIEWED,
 *     NOTES_EXPANDED and SIMILAR_CLICKED since schemaVersion 2; for events stored with schemaVersion 1 it is read
 *     from {@code eventData.pageScrollPosition} (ADR 0014)
 * @param timeOnPage milliseconds on the page when the event happened, {@code >= 0}: the seed's EngagementEvent
 *     {@code timeOnPage: number}, on the event like {@code pageScrollPosition}
 * @param schemaVersionSent the {@code schemaVersion} the client sent, as it sent it ({@code "2-1-0"}, or {@code "2"}
 *     for an integer), or {@code null} when it sent none (ADR 0040): the version the event was written against, kept
 *     in the raw store; readers go by {@link #schemaVersion} (the model)
 * @param anonymousId the visitor's anonymous id before it is known as a user (Segment's {@code anonymousId}, ADR
 *     0061); with {@code userId} it identifies the visitor of an event that has no {@code sessionId}
 */
public record UserInteractionEvent(
        String eventId,
        int schemaVersion,
        String userId,
        String sessionId,
        InteractionEventType eventType,
        InteractionCategory eventCategory,
        Instant timestamp,
        Instant clientTimestamp,
        Instant sentAt,
        Instant receivedAt,
        String perfumeId,
        String houseId,
        String noteId,
        String recommendationId,
        ObjectNode eventData,
        String deviceType,
        String browser,
        String os,
        boolean isBot,
        String botReason,
        String userAgent,
        String referrer,
        String path,
        String ipPrefix,
        String location,
        Integer duration,
        Double value,
        Double pageScrollPosition,
        Double timeOnPage,
        String schemaVersionSent,
        String anonymousId) {

    /**
     * The envelope schema version written by this library, and stamped by the collector on every event it accepts.
     * Version 2 (ADR 0014): the seed's required fields were checked on submission, and {@code pageScrollPosition} /
     * {@code timeOnPage} are on the envelope; version 1 events (stored before) are read as they are.
     */
    public static final int CURRENT_SCHEMA_VERSION = 2;

    public UserInteractionEvent {
        if (eventData == null) {
            eventData = JsonNodeFactory.instance.objectNode();
        }
        if (eventCategory == null && eventType != null) {
            eventCategory = eventType.category();
        }
    }

    /**
     * The typed view of {@link #eventData()} for this event's type (computed on each call). Invalid fields read
     * as {@code null}; for SEARCH_RESULT_CLICKED a missing {@code perfumeId} falls back to the envelope's.
     */
    public EventData data() {
        EventData d = EventDataReader.read(eventType, eventData, new ArrayList<>());
        if (d instanceof SearchClickData c && c.perfumeId() == null && perfumeId != null) {
            return new SearchClickData(c.searchId(), c.position(), perfumeId);
        }
        return d;
    }

    /**
     * The event's Kafka key (ADR 0061): its {@code sessionId}, else its {@code anonymousId}, else its {@code userId}, so
     * that one visitor's events stay in order on one partition.
     */
    public String partitionKey() {
        return sessionId != null ? sessionId : anonymousId != null ? anonymousId : userId;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .eventId(eventId)
                .schemaVersion(schemaVersion)
                .userId(userId)
                .sessionId(sessionId)
                .eventType(eventType)
                .eventCategory(eventCategory)
                .timestamp(timestamp)
                .clientTimestamp(clientTimestamp)
                .sentAt(sentAt)
                .receivedAt(receivedAt)
                .perfumeId(perfumeId)
                .houseId(houseId)
                .noteId(noteId)
                .recommendationId(recommendationId)
                .eventData(eventData.deepCopy())
                .deviceType(deviceType)
                .browser(browser)
                .os(os)
                .isBot(isBot)
                .botReason(botReason)
                .userAgent(userAgent)
                .referrer(referrer)
                .path(path)
                .ipPrefix(ipPrefix)
                .location(location)
                .duration(duration)
                .value(value)
                .pageScrollPosition(pageScrollPosition)
                .timeOnPage(timeOnPage)
                .schemaVersionSent(schemaVersionSent)
                .anonymousId(anonymousId);
    }

    /** Mutable builder; {@code schemaVersion} defaults to {@link #CURRENT_SCHEMA_VERSION}, eventData to {}. */
    public static final class Builder {
        private String eventId;
        private int schemaVersion = CURRENT_SCHEMA_VERSION;
        private String userId;
        private String sessionId;
        private InteractionEventType eventType;
        private InteractionCategory eventCategory;
        private Instant timestamp;
        private Instant clientTimestamp;
        private Instant sentAt;
        private Instant receivedAt;
        private String perfumeId;
        private String houseId;
        private String noteId;
        private String recommendationId;
        private ObjectNode eventData;
        private String deviceType;
        private String browser;
        private String os;
        private boolean isBot;
        private String botReason;
        private String userAgent;
        private String referrer;
        private String path;
        private String ipPrefix;
        private String location;
        private Integer duration;
        private Double value;
        private Double pageScrollPosition;
        private Double timeOnPage;
        private String schemaVersionSent;
        private String anonymousId;

        private Builder() {}

        public Builder eventId(String eventId) {
            this.eventId = eventId;
            return this;
        }

        public Builder schemaVersion(int schemaVersion) {
            this.schemaVersion = schemaVersion;
            return this;
        }

        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        public Builder eventType(InteractionEventType eventType) {
            this.eventType = eventType;
            return this;
        }

        public Builder eventCategory(InteractionCategory eventCategory) {
            this.eventCategory = eventCategory;
            return this;
        }

        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public Builder clientTimestamp(Instant clientTimestamp) {
            this.clientTimestamp = clientTimestamp;
            return this;
        }

        public Builder sentAt(Instant sentAt) {
            this.sentAt = sentAt;
            return this;
        }

        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        public Builder perfumeId(String perfumeId) {
            this.perfumeId = perfumeId;
            return this;
        }

        public Builder houseId(String houseId) {
            this.houseId = houseId;
            return this;
        }

        public Builder noteId(String noteId) {
            this.noteId = noteId;
            return this;
        }

        public Builder recommendationId(String recommendationId) {
            this.recommendationId = recommendationId;
            return this;
        }

        public Builder eventData(ObjectNode eventData) {
            this.eventData = eventData;
            return this;
        }

        public Builder deviceType(String deviceType) {
            this.deviceType = deviceType;
            return this;
        }

        public Builder browser(String browser) {
            this.browser = browser;
            return this;
        }

        public Builder os(String os) {
            this.os = os;
            return this;
        }

        public Builder isBot(boolean isBot) {
            this.isBot = isBot;
            return this;
        }

        public Builder botReason(String botReason) {
            this.botReason = botReason;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public Builder referrer(String referrer) {
            this.referrer = referrer;
            return this;
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public Builder ipPrefix(String ipPrefix) {
            this.ipPrefix = ipPrefix;
            return this;
        }

        public Builder location(String location) {
            this.location = location;
            return this;
        }

        public Builder duration(Integer duration) {
            this.duration = duration;
            return this;
        }

        public Builder value(Double value) {
            this.value = value;
            return this;
        }

        public Builder pageScrollPosition(Double pageScrollPosition) {
            this.pageScrollPosition = pageScrollPosition;
            return this;
        }

        public Builder timeOnPage(Double timeOnPage) {
            this.timeOnPage = timeOnPage;
            return this;
        }

        public Builder schemaVersionSent(String schemaVersionSent) {
            this.schemaVersionSent = schemaVersionSent;
            return this;
        }

        public Builder anonymousId(String anonymousId) {
            this.anonymousId = anonymousId;
            return this;
        }

        public UserInteractionEvent build() {
            return new UserInteractionEvent(
                    eventId,
                    schemaVersion,
                    userId,
                    sessionId,
                    eventType,
                    eventCategory,
                    timestamp,
                    clientTimestamp,
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
                    isBot,
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
        }
    }
}
