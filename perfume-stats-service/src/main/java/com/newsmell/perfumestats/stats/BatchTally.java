package com.newsmell.perfumestats.stats;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.data.SearchClickData;
import com.newsmell.contract.data.SearchData;
import com.newsmell.perfumestats.event.EventTime;
import com.newsmell.perfumestats.membership.ListKind;
import com.newsmell.perfumestats.membership.Membership;
import com.newsmell.perfumestats.membership.UserKeys;
import com.newsmell.perfumestats.rating.PerfumeRating;
import com.newsmell.perfumestats.rating.RatingValues;
import com.newsmell.perfumestats.timeseries.BucketKey;
import com.newsmell.perfumestats.timeseries.Counters;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One batch's events aggregated in memory, per perfume, per (perfume, hour), per (perfume, day), per (list, user,
 * perfume) and per (user, perfume) rating, so that many events for a hot perfume become one row update per table.
 * Bot events and events without a time are left out. An event's time is its {@link EventTime}: its timestamp, never
 * later than its receivedAt.
 */
public final class BatchTally {

    private final Map<String, PerfumeTally> perfumes = new LinkedHashMap<>();
    private final Map<BucketKey, Counters> hours = new LinkedHashMap<>();
    private final Map<BucketKey, Counters> days = new LinkedHashMap<>();
    private final SortedMap<Membership.Key, UserInteractionEvent> latestMembershipChange = new TreeMap<>();
    private final SortedMap<PerfumeRating.Key, UserInteractionEvent> latestRating = new TreeMap<>();

    private BatchTally() {}

    public static BatchTally of(List<UserInteractionEvent> events) {
        BatchTally tally = new BatchTally();
        events.forEach(tally::add);
        return tally;
    }

    private void add(UserInteractionEvent event) {
        if (event.isBot() || event.timestamp() == null || event.eventType() == null) {
            return;
        }
        InteractionEventType type = event.eventType();
        if (type == InteractionEventType.SEARCH_PERFORMED || type == InteractionEventType.SEARCH_REFINED) {
            searchImpressions(event);
            return;
        }
        Instant at = EventTime.of(event);
        String perfumeId = perfumeOf(event);
        boolean isRating = type == InteractionEventType.RATING_COMPLETED || type == InteractionEventType.RATING_UPDATED;
        if (perfumeId == null
                || perfumeId.isBlank()
                || !(Counters.counts(type) || ListKind.of(type).isPresent())) {
            return; // events that change no figure don't create a perfume's row
        }
        PerfumeTally perfume = perfumes.computeIfAbsent(perfumeId, id -> new PerfumeTally());
        perfume.house(event);
        if (Counters.counts(type)) {
            perfume.counters.add(event);
            bucket(hours, perfumeId, at.truncatedTo(ChronoUnit.HOURS)).add(event);
            bucket(days, perfumeId, at.truncatedTo(ChronoUnit.DAYS)).add(event);
        }
        if (type == InteractionEventType.PERFUME_VIEW) {
            perfume.view(at, UserKeys.of(event));
        }
        ListKind.of(type)
                .ifPresent(kind -> latestMembershipChange.compute(
                        Membership.Key.of(kind, event),
                        (k, current) -> EventTime.isLater(event, current) ? event : current));
        if (isRating && RatingValues.of(event) != null) {
            latestRating.compute(
                    new PerfumeRating.Key(UserKeys.of(event), event.perfumeId()),
                    (k, current) -> EventTime.isLater(event, current) ? event : current);
        }
    }

    /** Each perfume of a search's resultPerfumeIds gets one impression (once per search, however often listed). */
    private void searchImpressions(UserInteractionEvent event) {
        if (!(event.data() instanceof SearchData search) || search.resultPerfumeIds() == null) {
            return;
        }
        for (String perfumeId : new LinkedHashSet<>(search.resultPerfumeIds())) {
            if (perfumeId == null || perfumeId.isBlank()) {
                continue;
            }
            perfumes.computeIfAbsent(perfumeId, id -> new PerfumeTally())
                    .counters
                    .addSearchImpression();
            Instant at = EventTime.of(event);
            bucket(hours, perfumeId, at.truncatedTo(ChronoUnit.HOURS)).addSearchImpression();
            bucket(days, perfumeId, at.truncatedTo(ChronoUnit.DAYS)).addSearchImpression();
        }
    }

    /** The perfume of an event: for a search click, the clicked result (eventData, else the envelope). */
    private static String perfumeOf(UserInteractionEvent event) {
        if (event.eventType() == InteractionEventType.SEARCH_RESULT_CLICKED
                && event.data() instanceof SearchClickData click) {
            return click.perfumeId();
        }
        return event.perfumeId();
    }

    private static Counters bucket(Map<BucketKey, Counters> buckets, String perfumeId, Instant start) {
        return buckets.computeIfAbsent(new BucketKey(perfumeId, start), k -> new Counters());
    }

    public boolean isEmpty() {
        return perfumes.isEmpty();
    }

    Map<String, PerfumeTally> perfumes() {
        return perfumes;
    }

    public Map<BucketKey, Counters> hours() {
        return hours;
    }

    public Map<BucketKey, Counters> days() {
        return days;
    }

    /** Per triple in key order, the batch's latest add or remove (by event time; the first seen on equal times). */
    SortedMap<Membership.Key, UserInteractionEvent> latestMembershipChange() {
        return latestMembershipChange;
    }

    /** Per (user, perfume) in key order, the batch's latest rating event carrying ratings (the first on equal times). */
    SortedMap<PerfumeRating.Key, UserInteractionEvent> latestRating() {
        return latestRating;
    }

    /** Every perfume the batch changes, sorted (rows are locked in this order). */
    Set<String> perfumeIds() {
        return new TreeSet<>(perfumes.keySet());
    }
}
