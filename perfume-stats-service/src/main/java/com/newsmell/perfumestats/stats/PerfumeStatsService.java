package com.newsmell.perfumestats.stats;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.perfumestats.config.PerfumeStatsConfig;
import com.newsmell.perfumestats.membership.ListKind;
import com.newsmell.perfumestats.membership.MembershipFold;
import com.newsmell.perfumestats.membership.MembershipRepository;
import com.newsmell.perfumestats.rating.PerfumeRatingRepository;
import com.newsmell.perfumestats.rating.RatingDelta;
import com.newsmell.perfumestats.rating.RatingFold;
import com.newsmell.perfumestats.timeseries.BucketRepository;
import com.newsmell.perfumestats.timeseries.BucketTable;
import com.newsmell.toolkit.consumer.EventBatchProcessor.Rejection;
import com.newsmell.toolkit.consumer.EventClaims;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Folds interaction events into perfume statistics (ADR 0012), idempotently: claim the eventIds, aggregate the
 * fresh events in memory ({@link BatchTally}), then create and lock the perfume rows in perfumeId order (so
 * concurrent consumers serialise per perfume and never deadlock), the memberships and the ratings in key order,
 * fold the batch into them, and add its counts to the hourly and daily buckets. Each row the batch touches is
 * loaded once and changed once; Hibernate flushes the changed rows at commit.
 */
@ApplicationScoped
public class PerfumeStatsService {

    private final PerfumeInteractionStatsRepository stats;
    private final MembershipRepository memberships;
    private final PerfumeRatingRepository ratings;
    private final BucketRepository buckets;
    private final PerfumeStatsConfig config;
    private final EventClaims claims;

    public PerfumeStatsService(
            PerfumeInteractionStatsRepository stats,
            MembershipRepository memberships,
            PerfumeRatingRepository ratings,
            BucketRepository buckets,
            PerfumeStatsConfig config,
            EventClaims claims) {
        this.stats = stats;
        this.memberships = memberships;
        this.ratings = ratings;
        this.buckets = buckets;
        this.config = config;
        this.claims = claims;
    }

    @WithTransaction
    public Uni<List<Rejection>> apply(List<UserInteractionEvent> events) {
        return claims.claim(events).chain(this::fold).replaceWith(List.of());
    }

    private Uni<Void> fold(List<UserInteractionEvent> fresh) {
        BatchTally tally = BatchTally.of(fresh);
        if (tally.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return stats.createAndLock(tally.perfumeIds())
                .chain(rows -> foldMemberships(tally)
                        .chain(listDelta -> foldRatings(tally)
                                .chain(ratingDelta -> addBuckets(tally)
                                        .invoke(() -> PerfumeStatsFold.fold(
                                                rows,
                                                tally,
                                                listDelta,
                                                ratingDelta,
                                                config.uniqueViewers().lgK(),
                                                Instant.now())))))
                .replaceWithVoid();
    }

    private Uni<Map<ListKind, Map<String, Integer>>> foldMemberships(BatchTally tally) {
        var latest = tally.latestMembershipChange();
        return memberships
                .createAndLock(List.copyOf(latest.keySet()))
                .map(locked -> MembershipFold.fold(locked, latest));
    }

    private Uni<Map<String, RatingDelta>> foldRatings(BatchTally tally) {
        var latest = tally.latestRating();
        return ratings.createAndLock(List.copyOf(latest.keySet())).map(locked -> RatingFold.fold(locked, latest));
    }

    private Uni<Void> addBuckets(BatchTally tally) {
        return buckets.add(BucketTable.HOURLY, tally.hours()).chain(() -> buckets.add(BucketTable.DAILY, tally.days()));
    }
}
