package com.newsmell.recommendation.feedback;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.data.RatingData;
import com.newsmell.contract.data.RecommendationData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * How a batch of events changes the ledger (ADR 0023). Every rule is commutative and idempotent, so any arrival
 * order and any replay give the same rows:
 *
 * <ul>
 *   <li>a ledger row is created by whichever of its RECOMMENDATION_SHOWN, _CLICKED or _FEEDBACK comes first;
 *   <li>the impression (time and context) is the earliest SHOWN's (ties: the smallest eventId), the click time the
 *       earliest CLICKED's, the viewer the earliest event's userId and sessionId (ties: the smallest id);
 *   <li>each explicit feedback flag turns on and stays on; the report reason is the earliest report's;
 *   <li>conversions are facts, kept once per eventId; a session's user is its earliest identified event's.
 * </ul>
 *
 * Pure: no database, no clock.
 */
public final class FeedbackFold {

    private FeedbackFold() {}

    /** A conversion fact: a viewer's view, wishlist add, collection add, rating or purchase of a perfume. */
    public record Conversion(
            UUID eventId,
            String kind,
            String perfumeId,
            String userId,
            String sessionId,
            String recommendationId,
            Instant at,
            Double rating,
            String anonymousId) {}

    /** A session's user, from its earliest identified event (ties: the smallest userId). */
    public record Identity(String sessionId, String userId, Instant at) {}

    /** Whether the event is bot traffic (folded nowhere). */
    private static boolean human(UserInteractionEvent event) {
        return !event.isBot();
    }

    /** Whether the event is a human recommendation event of a ledger row (it names a recommendation and a perfume). */
    static boolean ledger(UserInteractionEvent event) {
        return human(event)
                && event.recommendationId() != null
                && event.perfumeId() != null
                && (event.eventType() == InteractionEventType.RECOMMENDATION_SHOWN
                        || event.eventType() == InteractionEventType.RECOMMENDATION_CLICKED
                        || event.eventType() == InteractionEventType.RECOMMENDATION_FEEDBACK);
    }

    /** The conversion kind of a human event of a perfume: view, wishlist, collection, rating, purchase; else null. */
    static String conversionKind(UserInteractionEvent event) {
        if (!human(event) || event.perfumeId() == null) {
            return null;
        }
        return switch (event.eventType()) {
            case PERFUME_VIEW -> "view";
            case WISHLIST_ADD -> "wishlist";
            case COLLECTION_ADD -> "collection";
            case RATING_COMPLETED -> "rating";
            case PURCHASE_COMPLETED -> "purchase";
            default -> null;
        };
    }

    /** Whether this service folds the event into the ledger or keeps it as a conversion fact (and so claims it). */
    static boolean relevant(UserInteractionEvent event) {
        return ledger(event) || conversionKind(event) != null;
    }

    /** Whether the event tells which user its session belongs to. */
    static boolean identifies(UserInteractionEvent event) {
        return human(event) && event.userId() != null && event.sessionId() != null;
    }

    /** The ledger events per row key, in key order: the order their rows are created and locked in. */
    static SortedMap<FeedbackKey, List<UserInteractionEvent>> byKey(Collection<UserInteractionEvent> events) {
        SortedMap<FeedbackKey, List<UserInteractionEvent>> byKey = new TreeMap<>();
        for (UserInteractionEvent event : events) {
            if (ledger(event)) {
                byKey.computeIfAbsent(FeedbackKey.of(event), k -> new ArrayList<>())
                        .add(event);
            }
        }
        return byKey;
    }

    /** The conversion facts among the events. */
    static List<Conversion> conversions(Collection<UserInteractionEvent> events) {
        List<Conversion> out = new ArrayList<>();
        for (UserInteractionEvent event : events) {
            String kind = conversionKind(event);
            if (kind != null) {
                Double rating = event.data() instanceof RatingData r && r.ratings() != null
                        ? r.ratings().overall()
                        : null;
                out.add(new Conversion(
                        UUID.fromString(event.eventId()),
                        kind,
                        event.perfumeId(),
                        event.userId(),
                        event.partitionKey(), // the session, else (ADR 0061) the visitor's anonymousId or userId
                        event.recommendationId(),
                        event.timestamp(),
                        rating,
                        event.anonymousId()));
            }
        }
        return out;
    }

    /** Per session, its earliest identified event's user among the events (ties: the smallest userId). */
    static List<Identity> identities(Collection<UserInteractionEvent> events) {
        SortedMap<String, Identity> bySession = new TreeMap<>();
        for (UserInteractionEvent event : events) {
            if (identifies(event)) {
                Identity candidate = new Identity(event.sessionId(), event.userId(), event.timestamp());
                bySession.merge(
                        event.sessionId(),
                        candidate,
                        (a, b) -> earlier(b.at(), b.userId(), a.at(), a.userId()) ? b : a);
            }
        }
        return List.copyOf(bySession.values());
    }

    /**
     * The UTC days whose metrics the events may change: for each ledger or conversion event, its day and the days of
     * the attribution window before it (an impression up to that long before can be credited or changed); for an
     * identified event, the same (stitching changes its session's earlier rows).
     */
    static SortedSet<LocalDate> dirtyDays(Collection<UserInteractionEvent> events, Duration window) {
        return daysAround(
                events.stream()
                        .filter(e -> relevant(e) || identifies(e))
                        .map(UserInteractionEvent::timestamp)
                        .toList(),
                window);
    }

    /** The UTC days of these instants and of the attribution window before each (whose metrics they may change). */
    public static SortedSet<LocalDate> daysAround(Collection<Instant> instants, Duration window) {
        SortedSet<LocalDate> days = new TreeSet<>();
        for (Instant at : instants) {
            LocalDate last = day(at);
            for (LocalDate d = day(at.minus(window)); !d.isAfter(last); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return days;
    }

    /** Folds each row's events ({@link #byKey}) into it; a row that has events is updated at {@code now}. */
    static void fold(
            Collection<RecommendationFeedback> rows, Map<FeedbackKey, List<UserInteractionEvent>> byKey, Instant now) {
        for (RecommendationFeedback row : rows) {
            List<UserInteractionEvent> events = byKey.getOrDefault(FeedbackKey.of(row), List.of());
            if (!events.isEmpty()) {
                events.forEach(event -> apply(row, event));
                row.updatedAt = now;
            }
        }
    }

    static void apply(RecommendationFeedback row, UserInteractionEvent event) {
        Instant at = event.timestamp();
        if (event.userId() != null && earlier(at, event.userId(), row.userEventTime, row.userId)) {
            row.userId = event.userId();
            row.userEventTime = at;
        }
        if (event.sessionId() != null && earlier(at, event.sessionId(), row.anonymousEventTime, row.anonymousId)) {
            row.anonymousId = event.sessionId();
            row.anonymousEventTime = at;
        }
        if (event.anonymousId() != null && earlier(at, event.anonymousId(), row.visitorEventTime, row.visitorId)) {
            row.visitorId = event.anonymousId();
            row.visitorEventTime = at;
        }
        RecommendationData data = event.data() instanceof RecommendationData d ? d : null;
        switch (event.eventType()) {
            case RECOMMENDATION_SHOWN -> {
                UUID id = UUID.fromString(event.eventId());
                if (earlier(
                        at,
                        id.toString(),
                        row.impressionTime,
                        row.impressionEventId == null ? null : row.impressionEventId.toString())) {
                    row.impressionTime = at;
                    row.impressionEventId = id;
                    row.source = data == null ? null : data.source();
                    row.algorithm = data == null ? null : data.algorithm();
                    row.algorithmVersion = data == null ? null : data.algorithmVersion();
                    row.position = data == null ? null : data.position();
                    row.confidence = data == null ? null : data.confidence();
                    row.similarityScore = data == null ? null : data.similarityScore();
                    row.randomized = data != null && Boolean.TRUE.equals(data.randomized());
                }
            }
            case RECOMMENDATION_CLICKED -> {
                row.clicked = true;
                row.clickTime = min(row.clickTime, at);
            }
            case RECOMMENDATION_FEEDBACK -> {
                if (data == null) {
                    return;
                }
                boolean any = false;
                if (Boolean.TRUE.equals(data.thumbsUp())) {
                    row.thumbsUp = true;
                    any = true;
                }
                if (Boolean.TRUE.equals(data.thumbsDown())) {
                    row.thumbsDown = true;
                    any = true;
                }
                if (Boolean.TRUE.equals(data.hidPerfume())) {
                    row.hidPerfume = true;
                    any = true;
                }
                if (Boolean.TRUE.equals(data.reportedIrrelevant())) {
                    row.reportedIrrelevant = true;
                    any = true;
                    String reason = data.reportReason() == null ? "" : data.reportReason();
                    String current = row.reportTime == null ? null : row.reportReason == null ? "" : row.reportReason;
                    if (earlier(at, reason, row.reportTime, current)) {
                        row.reportTime = at;
                        row.reportReason = data.reportReason();
                    }
                }
                if (any) {
                    row.feedbackTime = min(row.feedbackTime, at);
                }
            }
            default -> {
                // not a ledger event: nothing to fold
            }
        }
    }

    /**
     * Whether (at, tie) comes before the current (currentAt, currentTie): the earliest time wins, an exact tie goes to
     * the smaller tie value, so the winner never depends on the order the events are applied in.
     */
    static boolean earlier(Instant at, String tie, Instant currentAt, String currentTie) {
        if (currentAt == null) {
            return true;
        }
        int byTime = at.compareTo(currentAt);
        if (byTime != 0) {
            return byTime < 0;
        }
        return currentTie == null || (tie != null && tie.compareTo(currentTie) < 0);
    }

    private static Instant min(Instant current, Instant at) {
        return current == null || at.isBefore(current) ? at : current;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
