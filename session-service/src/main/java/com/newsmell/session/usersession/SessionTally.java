package com.newsmell.session.usersession;

import static com.newsmell.contract.InteractionEventType.COLLECTION_ADD;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.REVIEW_SUBMITTED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.toolkit.api.TrafficSource;
import java.time.Duration;
import java.time.Instant;
import java.util.TreeSet;

/**
 * The session fields of a fold, as running totals over the session's events taken in (timestamp, eventId) order:
 * {@link SessionFold} runs it over all the events, and the running state of an open session ({@link RunningFold})
 * keeps it between batches. Pure and mutable; {@link #toJson()} / {@link #fromJson} are its stored form.
 */
final class SessionTally {

    private String sessionId;
    private String userId;
    private String deviceType;
    private String browser;
    private String os;
    private String location;
    private String referrer;
    private String entryPage;
    private String exitPage;
    private Instant start;
    private Instant last;
    private int events;
    private int pageViews;
    private int interactions;
    private int engagements;
    private final TreeSet<String> perfumes = new TreeSet<>();
    private boolean wishlist;
    private boolean collection;
    private boolean rating;
    private boolean review;
    private boolean bot;

    /** Adds the next event (in fold order). */
    void append(UserInteractionEvent e) {
        if (events == 0) {
            sessionId = e.sessionId();
            referrer = e.referrer();
            start = e.timestamp();
        }
        events++;
        last = e.timestamp();
        userId = userId != null ? userId : e.userId();
        deviceType = deviceType != null ? deviceType : e.deviceType();
        browser = browser != null ? browser : e.browser();
        os = os != null ? os : e.os();
        location = location != null ? location : e.location();
        if (SessionFold.isPageView(e)) {
            pageViews++;
            entryPage = entryPage != null ? entryPage : e.path();
            exitPage = e.path();
        } else if (SessionFold.isEngagement(e)) {
            engagements++;
        }
        if (SessionFold.isInteraction(e)) {
            interactions++;
        }
        if (e.eventType() == PERFUME_VIEW && e.perfumeId() != null) {
            perfumes.add(e.perfumeId());
        }
        wishlist |= e.eventType() == WISHLIST_ADD;
        collection |= e.eventType() == COLLECTION_ADD;
        rating |= e.eventType() == RATING_COMPLETED;
        review |= e.eventType() == REVIEW_SUBMITTED;
        bot |= e.isBot();
    }

    String userId() {
        return userId;
    }

    boolean isBot() {
        return bot;
    }

    /** The session as the events so far make it, open or closed. */
    SessionView view(boolean closed) {
        return new SessionView(
                sessionId,
                userId,
                start,
                closed ? last : null,
                closed ? (int) Duration.between(start, last).getSeconds() : null,
                closed ? Duration.between(start, last).toMillis() : null,
                last,
                closed,
                deviceType,
                browser,
                os,
                location,
                referrer,
                TrafficSource.of(referrer),
                pageViews,
                perfumes.size(),
                interactions,
                wishlist,
                collection,
                rating,
                review,
                entryPage,
                closed ? exitPage : null,
                closed && pageViews == 1 && engagements == 0,
                bot);
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("sessionId", sessionId)
                .put("userId", userId)
                .put("deviceType", deviceType)
                .put("browser", browser)
                .put("os", os)
                .put("location", location)
                .put("referrer", referrer)
                .put("entryPage", entryPage)
                .put("exitPage", exitPage)
                .put("start", start.toString())
                .put("last", last.toString())
                .put("events", events)
                .put("pageViews", pageViews)
                .put("interactions", interactions)
                .put("engagements", engagements)
                .put("wishlist", wishlist)
                .put("collection", collection)
                .put("rating", rating)
                .put("review", review)
                .put("bot", bot);
        perfumes.forEach(o.putArray("perfumes")::add);
        return o;
    }

    static SessionTally fromJson(JsonNode o) {
        SessionTally t = new SessionTally();
        t.sessionId = text(o, "sessionId");
        t.userId = text(o, "userId");
        t.deviceType = text(o, "deviceType");
        t.browser = text(o, "browser");
        t.os = text(o, "os");
        t.location = text(o, "location");
        t.referrer = text(o, "referrer");
        t.entryPage = text(o, "entryPage");
        t.exitPage = text(o, "exitPage");
        t.start = Instant.parse(o.get("start").asText());
        t.last = Instant.parse(o.get("last").asText());
        t.events = o.get("events").asInt();
        t.pageViews = o.get("pageViews").asInt();
        t.interactions = o.get("interactions").asInt();
        t.engagements = o.get("engagements").asInt();
        t.wishlist = o.get("wishlist").asBoolean();
        t.collection = o.get("collection").asBoolean();
        t.rating = o.get("rating").asBoolean();
        t.review = o.get("review").asBoolean();
        t.bot = o.get("bot").asBoolean();
        o.get("perfumes").forEach(p -> t.perfumes.add(p.asText()));
        return t;
    }

    /** A nullable text field of a stored state. */
    static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
