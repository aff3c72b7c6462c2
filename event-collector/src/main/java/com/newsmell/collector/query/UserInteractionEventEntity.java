package com.newsmell.collector.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of the raw store, read through {@link UserInteractionEventRepository}; the consumer writes the store
 * set-based (RawEventStore, ADR 0012).
 */
@Entity
@Table(name = "user_interaction_event")
public class UserInteractionEventEntity {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "schema_version")
    public int schemaVersion;

    /** What the client sent as schemaVersion (ADR 0040), or null. */
    @Column(name = "schema_version_sent")
    public String schemaVersionSent;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "anonymous_id")
    public String anonymousId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "event_category")
    public String eventCategory;

    @Column(name = "timestamp")
    public Instant timestamp;

    @Column(name = "client_timestamp")
    public Instant clientTimestamp;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "perfume_id")
    public String perfumeId;

    @Column(name = "house_id")
    public String houseId;

    @Column(name = "note_id")
    public String noteId;

    @Column(name = "recommendation_id")
    public String recommendationId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_data")
    public String eventData;

    @Column(name = "device_type")
    public String deviceType;

    public String browser;

    public String os;

    @Column(name = "is_bot")
    public boolean isBot;

    @Column(name = "bot_reason")
    public String botReason;

    @Column(name = "user_agent")
    public String userAgent;

    public String referrer;

    public String path;

    @Column(name = "ip_prefix")
    public String ipPrefix;

    public String location;

    public Integer duration;

    public Double value;

    @Column(name = "page_scroll_position")
    public Double pageScrollPosition;

    @Column(name = "time_on_page")
    public Double timeOnPage;
}
