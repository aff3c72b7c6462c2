package com.newsmell.session.usersession;

import com.newsmell.contract.SessionSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The specification's UserSession: one row per sessionId, always the fold of all the session's events. */
@Entity
@Table(name = "user_session")
public class UserSession {

    @Id
    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "start_time")
    public Instant startTime;

    @Column(name = "end_time")
    public Instant endTime;

    public Integer duration;

    @Column(name = "duration_ms")
    public Long durationMs;

    @Column(name = "last_event_time")
    public Instant lastEventTime;

    public boolean closed;

    @Column(name = "device_type")
    public String deviceType;

    public String browser;

    public String os;

    public String location;

    public String referrer;

    public String source;

    @Column(name = "page_views")
    public int pageViews;

    @Column(name = "perfumes_viewed")
    public int perfumesViewed;

    public int interactions;

    @Column(name = "added_to_wishlist")
    public boolean addedToWishlist;

    @Column(name = "added_to_collection")
    public boolean addedToCollection;

    @Column(name = "completed_rating")
    public boolean completedRating;

    @Column(name = "completed_review")
    public boolean completedReview;

    @Column(name = "entry_page")
    public String entryPage;

    @Column(name = "exit_page")
    public String exitPage;

    public boolean bounced;

    @Column(name = "is_bot")
    public boolean isBot;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * The running state of an open session ({@link RunningFold}, ADR 0070), or null: the fast path then re-folds the
     * session from its stored events.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fold_state")
    public String foldState;

    /** The anonymousId of the session's first event that had one (ADR 0064): an identity link finds it by this. */
    @Column(name = "anonymous_id")
    public String anonymousId;

    /** The visitor of a derived session ({@link VisitorSessions}, ADR 0064), else null. */
    @Column(name = "visitor_id")
    public String visitorId;

    /** The revision of the last summary written to the outbox (ADR 0017); 0 before the session first closed. */
    @Column(name = "summary_revision")
    public long summaryRevision;

    /** What the session-summaries topic says of this closed session (revision 0: the caller sets it). */
    public SessionSummary summary() {
        return new SessionSummary(
                sessionId,
                userId,
                startTime,
                endTime,
                duration == null ? 0 : duration,
                pageViews,
                perfumesViewed,
                interactions,
                bounced,
                isBot,
                deviceType,
                summaryRevision);
    }

    public SessionView view() {
        return new SessionView(
                sessionId,
                userId,
                startTime,
                endTime,
                duration,
                durationMs,
                lastEventTime,
                closed,
                deviceType,
                browser,
                os,
                location,
                referrer,
                source,
                pageViews,
                perfumesViewed,
                interactions,
                addedToWishlist,
                addedToCollection,
                completedRating,
                completedReview,
                entryPage,
                exitPage,
                bounced,
                isBot);
    }

    /** Overwrites every folded field with the fold's. */
    public void set(SessionView v, Instant now) {
        sessionId = v.sessionId();
        userId = v.userId();
        startTime = v.startTime();
        endTime = v.endTime();
        duration = v.duration();
        durationMs = v.durationMs();
        lastEventTime = v.lastEventTime();
        closed = v.closed();
        deviceType = v.deviceType();
        browser = v.browser();
        os = v.os();
        location = v.location();
        referrer = v.referrer();
        source = v.source();
        pageViews = v.pageViews();
        perfumesViewed = v.perfumesViewed();
        interactions = v.interactions();
        addedToWishlist = v.addedToWishlist();
        addedToCollection = v.addedToCollection();
        completedRating = v.completedRating();
        completedReview = v.completedReview();
        entryPage = v.entryPage();
        exitPage = v.exitPage();
        bounced = v.bounced();
        isBot = v.isBot();
        updatedAt = now;
    }
}
