package com.newsmell.perfumestats.stats;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.kafka.EventBatchProcessor.Rejection;
import com.newsmell.contract.kafka.EventClaims;
import com.newsmell.perfumestats.config.PerfumeStatsConfig;
import com.newsmell.perfumestats.membership.ListKind;
import com.newsmell.perfumestats.membership.Membership;
import com.newsmell.perfumestats.membership.MembershipChanges;
import com.newsmell.perfumestats.membership.MembershipRepository;
import com.newsmell.perfumestats.rating.PerfumeRating;
import com.newsmell.perfumestats.rating.PerfumeRatingRepository;
import com.newsmell.perfumestats.rating.RatingChanges;
import com.newsmell.perfumestats.rating.RatingDelta;
import com.newsmell.perfumestats.timeseries.BucketWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Folds interaction events into perfume statistics, idempotently (eventIds claimed in the same transaction).
 * A batch is first aggregated in memory ({@link BatchTally}); then each membership, rating, bucket and perfume
 * row it touches is loaded once, changed once and written once.
 */
@ApplicationScoped
public class PerfumeStatsService {

    private final PerfumeInteractionStatsRepository stats;
    private final MembershipRepository memberships;
    private final PerfumeRatingRepository ratings;
    private final PerfumeStatsConfig config;

    public PerfumeStatsService(
            PerfumeInteractionStatsRepository stats,
            MembershipRepository memberships,
            PerfumeRatingRepository ratings,
            PerfumeStatsConfig config) {
        this.stats = stats;
        this.memberships = memberships;
        this.ratings = ratings;
        this.config = config;
    }

    @WithTransaction
    public Uni<List<Rejection>> apply(List<UserInteractionEvent> events) {
        return Panache.getSession()
                .chain(session -> EventClaims.claim(session, events).chain(fresh -> fold(session, fresh)))
                .replaceWith(List.of());
    }

    private Uni<Void> fold(Mutiny.Session session, List<UserInteractionEvent> fresh) {
        BatchTally tally = BatchTally.of(fresh);
        if (tally.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // rows first, locked in perfumeId order, so concurrent consumers serialise per perfume, never deadlock
        return stats.createAndLock(tally.perfumeIds())
                .chain(rows -> applyMemberships(tally)
                        .chain(listDelta -> applyRatings(tally)
                                .chain(ratingDelta -> BucketWriter.add(session, BucketWriter.HOURLY, tally.hours())
                                        .chain(() -> BucketWriter.add(session, BucketWriter.DAILY, tally.days()))
                                        .invoke(() -> updateRows(rows, tally, listDelta, ratingDelta)))));
    }

    private Uni<Map<ListKind, Map<String, Integer>>> applyMemberships(BatchTally tally) {
        Map<Membership.Key, UserInteractionEvent> latest = tally.latestMembershipChange();
        if (latest.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return memberships.findByKeys(latest.keySet()).chain(existing -> {
            Map<Membership.Key, Membership> known =
                    existing.stream().collect(Collectors.toMap(Membership::key, Function.identity()));
            List<Membership> created = new ArrayList<>();
            var delta = MembershipChanges.apply(latest, known, created);
            return created.isEmpty()
                    ? Uni.createFrom().item(delta)
                    : memberships.persist(created).replaceWith(delta);
        });
    }

    private Uni<Map<String, RatingDelta>> applyRatings(BatchTally tally) {
        Map<PerfumeRating.Key, UserInteractionEvent> latest = tally.latestRating();
        if (latest.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return ratings.findByKeys(latest.keySet()).chain(existing -> {
            Map<PerfumeRating.Key, PerfumeRating> known =
                    existing.stream().collect(Collectors.toMap(PerfumeRating::key, Function.identity()));
            List<PerfumeRating> created = new ArrayList<>();
            var delta = RatingChanges.apply(latest, known, created);
            return created.isEmpty()
                    ? Uni.createFrom().item(delta)
                    : ratings.persist(created).replaceWith(delta);
        });
    }

    private void updateRows(
            List<PerfumeInteractionStats> rows,
            BatchTally tally,
            Map<ListKind, Map<String, Integer>> listDelta,
            Map<String, RatingDelta> ratingDelta) {
        Instant now = Instant.now();
        Map<String, Integer> wishlist = listDelta.getOrDefault(ListKind.WISHLIST, Map.of());
        Map<String, Integer> collection = listDelta.getOrDefault(ListKind.COLLECTION, Map.of());
        for (PerfumeInteractionStats row : rows) {
            PerfumeTally t = tally.perfumes().get(row.perfumeId);
            StatsUpdate.addCounters(row, t.counters);
            StatsUpdate.addViews(row, t, config.uniqueViewers().lgK());
            StatsUpdate.addHouse(row, t);
            StatsUpdate.addRatings(row, ratingDelta.get(row.perfumeId));
            row.inWishlistCount = Math.max(0, row.inWishlistCount + wishlist.getOrDefault(row.perfumeId, 0));
            row.inCollectionCount = Math.max(0, row.inCollectionCount + collection.getOrDefault(row.perfumeId, 0));
            StatsFormulas.derive(row);
            row.updatedAt = now;
        }
    }
}
