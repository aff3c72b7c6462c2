package com.newsmell.session.usersession;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A claimed event of a session, with what the fold needs of it: sessions are re-folded from these. */
@Entity
@Table(name = "session_event")
public class SessionEvent {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "user_id")
    public String userId;

    public Instant timestamp;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "event_category")
    public String eventCategory;

    public String path;

    @Column(name = "perfume_id")
    public String perfumeId;

    public String referrer;

    @Column(name = "device_type")
    public String deviceType;

    public String browser;

    public String os;

    public String location;

    @Column(name = "is_bot")
    public boolean isBot;

    public Integer duration;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_data")
    public String eventData;

    /** The event's anonymousId (ADR 0061), which an identity link finds its sessions by (ADR 0064). */
    @Column(name = "anonymous_id")
    public String anonymousId;

    /** The visitor of an event that came without a sessionId ({@link VisitorSessions}), else null. */
    @Column(name = "visitor_id")
    public String visitorId;

    /** Set once an orphan click of a closed session has been sent to the dead-letter topic. */
    @Column(name = "dead_lettered")
    public boolean deadLettered;

    public static SessionEvent of(UserInteractionEvent e) {
        SessionEvent row = new SessionEvent();
        row.eventId = UUID.fromString(e.eventId());
        row.sessionId = e.sessionId();
        row.userId = e.userId();
        row.timestamp = e.timestamp().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        row.eventType = e.eventType().name();
        row.eventCategory = e.eventCategory().name();
        row.path = e.path();
        row.perfumeId = e.perfumeId();
        row.referrer = e.referrer();
        row.deviceType = e.deviceType();
        row.browser = e.browser();
        row.os = e.os();
        row.location = e.location();
        row.isBot = e.isBot();
        row.duration = e.duration();
        row.eventData = e.eventData().toString();
        row.anonymousId = e.anonymousId();
        return row;
    }

    /** The event as the fold sees it (the envelope fields the fold does not use are left out). */
    public UserInteractionEvent toEvent() {
        ObjectNode data;
        try {
            data = (ObjectNode) EventCodec.mapper().readTree(eventData == null ? "{}" : eventData);
        } catch (Exception e) {
            data = JsonNodeFactory.instance.objectNode();
        }
        return UserInteractionEvent.builder()
                .eventId(eventId.toString())
                .sessionId(sessionId)
                .userId(userId)
                .timestamp(timestamp)
                .eventType(InteractionEventType.valueOf(eventType))
                .eventCategory(InteractionCategory.valueOf(eventCategory))
                .path(path)
                .perfumeId(perfumeId)
                .referrer(referrer)
                .deviceType(deviceType)
                .browser(browser)
                .os(os)
                .location(location)
                .isBot(isBot)
                .duration(duration)
                .eventData(data)
                .anonymousId(anonymousId)
                .build();
    }
}
