package com.newsmell.profile.rollup;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.data.PageViewData;
import com.newsmell.contract.data.RatingData;
import com.newsmell.contract.data.ReviewData;
import com.newsmell.contract.data.SearchData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a batch of events adds to the rollups (issue #11, README "Rollups"). Only a known user's human traffic counts:
 * anonymous and bot events are skipped. Days and hours are UTC (the envelope carries no visitor time zone yet). Pure:
 * no database, no clock.
 */
public final class RollupFold {

    /** Search terms longer than this are cut (a pasted paragraph is not a pattern). */
    static final int MAX_TERM_LENGTH = 64;

    private RollupFold() {}

    /** Only a known user's human traffic builds a profile: anonymous and bot events are skipped. */
    public static boolean counts(UserInteractionEvent event) {
        return event.userId() != null && !event.isBot();
    }

    public static Rollup fold(Collection<UserInteractionEvent> events) {
        Map<String, DayActivity> days = new TreeMap<>();
        Map<String, PerfumeDay> perfumeDays = new TreeMap<>();
        Map<String, PerfumeState> perfumes = new TreeMap<>();
        Map<String, Instant> lastActive = new TreeMap<>();
        Map<String, Instant> firstEvent = new TreeMap<>();
        Map<String, Instant> registered = new TreeMap<>();
        for (UserInteractionEvent event : events) {
            if (!counts(event)) {
                continue;
            }
            LocalDate day = LocalDate.ofInstant(event.timestamp(), ZoneOffset.UTC);
            String user = event.userId();
            lastActive.merge(user, event.timestamp(), (a, b) -> a.isAfter(b) ? a : b);
            firstEvent.merge(user, event.timestamp(), RollupFold::earlier);
            if (event.eventType() == InteractionEventType.USER_REGISTERED) {
                registered.merge(user, event.timestamp(), RollupFold::earlier);
            }
            days.compute(
                    key(user, day.toString()), (k, d) -> addDay(d == null ? DayActivity.empty(user, day) : d, event));
            if (event.perfumeId() != null) {
                PerfumeDay signal = signal(event, day);
                if (signal != null) {
                    perfumeDays.merge(key(user, event.perfumeId(), day.toString()), signal, PerfumeDay::plus);
                }
                perfumes.compute(
                        key(user, event.perfumeId()),
                        (k, s) -> addPerfume(s == null ? PerfumeState.empty(user, event.perfumeId()) : s, event));
            }
        }
        return new Rollup(
                List.copyOf(days.values()),
                List.copyOf(perfumeDays.values()),
                List.copyOf(perfumes.values()),
                lastActive,
                firstEvent,
                registered);
    }

    /**
     * The earlier of two times: a user's first event and registration are the earliest ones (ADR 0020: the earliest
     * registration wins), so that the batch and the database ({@code least}) merge them in any order.
     */
    private static Instant earlier(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }

    /** Keys sort as their parts do: the parts are joined by a character below every other one a key can hold. */
    private static String key(String... parts) {
        return String.join("\u0000", parts);
    }

    private static DayActivity addDay(DayActivity d, UserInteractionEvent event) {
        d.eventCounts().merge(event.eventType().name(), 1L, Long::sum);
        d.hourCounts()
                .merge(Integer.toString(event.timestamp().atZone(ZoneOffset.UTC).getHour()), 1L, Long::sum);
        for (String term : searchTerms(event)) {
            d.searchTerms().merge(term, 1L, Long::sum);
        }
        BigDecimal rating = event.eventType() == InteractionEventType.RATING_COMPLETED ? overall(event) : null;
        if (rating != null) {
            d = d.withRating(rating);
        }
        Long reviewLength = reviewLength(event);
        if (reviewLength != null) {
            d = d.withReviewLength(reviewLength);
        }
        return d;
    }

    /** The signals a preference weight counts, or null when the event is none of them. */
    static PerfumeDay signal(UserInteractionEvent event, LocalDate day) {
        String u = event.userId();
        String p = event.perfumeId();
        return switch (event.eventType()) {
            case PERFUME_VIEW -> new PerfumeDay(u, p, day, 1, 0, 0, 0, 0);
            case NOTES_EXPANDED -> new PerfumeDay(u, p, day, 0, 1, 0, 0, 0);
            case REVIEW_SUBMITTED -> new PerfumeDay(u, p, day, 0, 0, 1, 0, 0);
            case WISHLIST_ADD -> new PerfumeDay(u, p, day, 0, 0, 0, 1, 0);
            case COLLECTION_ADD -> new PerfumeDay(u, p, day, 0, 0, 0, 0, 1);
            default -> null;
        };
    }

    private static PerfumeState addPerfume(PerfumeState s, UserInteractionEvent event) {
        Instant at = event.timestamp();
        long views = s.views();
        double duration = s.viewDurationMs();
        Instant lastViewedAt = s.lastViewedAt();
        if (event.eventType() == InteractionEventType.PERFUME_VIEW) {
            views++;
            lastViewedAt = lastViewedAt == null || at.isAfter(lastViewedAt) ? at : lastViewedAt;
            Double ms = viewDurationMs(event);
            duration += ms == null ? 0 : ms;
            if (event.data() instanceof PageViewData page && page.source() != null) {
                s.sources().merge(page.source(), 1L, Long::sum);
            }
            if (event.deviceType() != null) {
                s.deviceTypes().merge(event.deviceType(), 1L, Long::sum);
            }
        }
        Latest<Boolean> wishlist = s.wishlist();
        Latest<Boolean> collection = s.collection();
        Latest<BigDecimal> rating = s.rating();
        switch (event.eventType()) {
            case WISHLIST_ADD, WISHLIST_REMOVE ->
                wishlist = Latest.later(
                        wishlist,
                        new Latest<>(event.eventType() == InteractionEventType.WISHLIST_ADD, at, event.eventId()));
            case COLLECTION_ADD, COLLECTION_REMOVE ->
                collection = Latest.later(
                        collection,
                        new Latest<>(event.eventType() == InteractionEventType.COLLECTION_ADD, at, event.eventId()));
            case RATING_COMPLETED, RATING_UPDATED -> {
                BigDecimal value = overall(event);
                if (value != null) {
                    rating = Latest.later(rating, new Latest<>(value, at, event.eventId()));
                }
            }
            default -> {}
        }
        return new PerfumeState(
                s.userId(),
                s.perfumeId(),
                views,
                duration,
                s.sources(),
                s.deviceTypes(),
                s.firstInteraction() == null || at.isBefore(s.firstInteraction()) ? at : s.firstInteraction(),
                s.lastInteraction() == null || at.isAfter(s.lastInteraction()) ? at : s.lastInteraction(),
                wishlist,
                collection,
                rating,
                s.reviewed() || event.eventType() == InteractionEventType.REVIEW_SUBMITTED,
                s.interactions() + 1,
                lastViewedAt);
    }

    /**
     * The words a search used: SEARCH_PERFORMED and SEARCH_REFINED, eventData.queryWords when given, else the query
     * split on white space; lower-cased, at most {@value #MAX_TERM_LENGTH} characters, single characters dropped.
     */
    static List<String> searchTerms(UserInteractionEvent event) {
        if ((event.eventType() != InteractionEventType.SEARCH_PERFORMED
                        && event.eventType() != InteractionEventType.SEARCH_REFINED)
                || !(event.data() instanceof SearchData search)) {
            return List.of();
        }
        List<String> words = search.queryWords() != null && !search.queryWords().isEmpty()
                ? search.queryWords()
                : search.query() == null
                        ? List.of()
                        : List.of(search.query().trim().split("\\s+"));
        List<String> terms = new ArrayList<>();
        for (String word : words) {
            String term = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
            if (term.codePointCount(0, term.length()) > 1) {
                terms.add(term.length() > MAX_TERM_LENGTH ? term.substring(0, MAX_TERM_LENGTH) : term);
            }
        }
        return terms;
    }

    /** A rating event's overall value (1-5), null when it carries none. */
    static BigDecimal overall(UserInteractionEvent event) {
        if (event.data() instanceof RatingData data
                && data.ratings() != null
                && data.ratings().overall() != null) {
            return BigDecimal.valueOf(data.ratings().overall());
        }
        return null;
    }

    /** reviewLength of a REVIEW_SUBMITTED or REVIEW_UPDATED event, null when it carries none. */
    static Long reviewLength(UserInteractionEvent event) {
        if ((event.eventType() == InteractionEventType.REVIEW_SUBMITTED
                        || event.eventType() == InteractionEventType.REVIEW_UPDATED)
                && event.data() instanceof ReviewData review
                && review.reviewLength() != null) {
            return review.reviewLength().longValue();
        }
        return null;
    }

    /** A perfume view's duration in ms: eventData.viewDuration, else the envelope's duration; null without one. */
    static Double viewDurationMs(UserInteractionEvent event) {
        if (event.data() instanceof PageViewData page && page.viewDuration() != null) {
            return page.viewDuration();
        }
        return event.duration() == null ? null : event.duration().doubleValue();
    }
}
