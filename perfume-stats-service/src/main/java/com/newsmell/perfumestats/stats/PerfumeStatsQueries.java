package com.newsmell.perfumestats.stats;

import com.newsmell.perfumestats.api.PerfumeNotFound;
import com.newsmell.perfumestats.timeseries.BucketRepository;
import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.jobs.JobRunRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reads of perfume statistics: one perfume, the top perfumes by a metric (over all time or a window), the trending
 * ones. Each perfume carries the as-of of its own windows and score; an all-time ranking also carries the as-of of the
 * hourly job's latest successful run (the job runner's ledger, ADR 0011). Rankings are pages of an offset cursor.
 */
@ApplicationScoped
public class PerfumeStatsQueries {

    /** The job whose run the figures are as of (the trending package's hourly job). */
    static final String AS_OF_JOB = "hourly";

    private final PerfumeInteractionStatsRepository stats;
    private final BucketRepository buckets;
    private final JobRunRepository jobRuns;

    public PerfumeStatsQueries(
            PerfumeInteractionStatsRepository stats, BucketRepository buckets, JobRunRepository jobRuns) {
        this.stats = stats;
        this.buckets = buckets;
        this.jobRuns = jobRuns;
    }

    public Uni<PerfumeStatsView> one(String perfumeId) {
        return stats.findByPerfumeId(perfumeId).map(row -> {
            if (row == null) {
                throw PerfumeNotFound.of(perfumeId);
            }
            return PerfumeStatsView.of(row);
        });
    }

    /**
     * The statistics of several perfumes with one query, in the order asked (null where a perfume has none): the
     * GraphQL subgraph's batched entity resolution (issue 14).
     */
    public Uni<List<PerfumeStatsView>> many(List<String> perfumeIds) {
        return stats.byIds(perfumeIds).map(rows -> {
            Map<String, PerfumeInteractionStats> byId =
                    rows.stream().collect(Collectors.toMap(r -> r.perfumeId, Function.identity()));
            return perfumeIds.stream()
                    .map(id -> byId.containsKey(id) ? PerfumeStatsView.of(byId.get(id)) : null)
                    .toList();
        });
    }

    /**
     * The places of these perfumes in the trending list ({@link #trending} without a house), for those with a score:
     * one query for all.
     */
    public Uni<Map<String, Integer>> trendingRanks(List<String> perfumeIds) {
        return stats.trendingRanks(perfumeIds);
    }

    /** One page of the ranking: over all time by the metric's index, or over the window's buckets. */
    public Uni<Ranking> top(TopQuery q) {
        if (q.allTime()) {
            return stats.top(q.metric(), q.minSample(), q.minRatings(), q.houseId(), q.offset(), q.limit() + 1)
                    .chain(rows -> asOf().map(asOf -> page(
                            q,
                            rows.stream()
                                    .map(r -> RankedPerfume.allTime(q.metric(), r))
                                    .toList(),
                            asOf)));
        }
        Instant asOf = Instant.now();
        return buckets.rank(
                        q.metric().windowed,
                        q.spans(),
                        q.houseId(),
                        q.minSample() == null ? 0 : q.minSample(),
                        q.minRatings(),
                        q.offset(),
                        q.limit() + 1)
                .chain(totals -> stats.byIds(totals.stream()
                                .map(BucketRepository.WindowTotal::perfumeId)
                                .toList())
                        .map(rows -> {
                            Map<String, PerfumeInteractionStats> byId =
                                    rows.stream().collect(Collectors.toMap(r -> r.perfumeId, Function.identity()));
                            List<RankedPerfume> items = totals.stream()
                                    .filter(t -> byId.containsKey(t.perfumeId()))
                                    .map(t -> RankedPerfume.windowed(q.metric(), byId.get(t.perfumeId()), t))
                                    .toList();
                            return page(q, items, asOf);
                        }));
    }

    /** The stored trending scores (computed by the hourly job), highest first, optionally of one house. */
    public Uni<Ranking> trending(int limit, int offset, String houseId) {
        return stats.trending(houseId, offset, limit + 1)
                .chain(rows -> asOf().map(asOf -> {
                    List<RankedPerfume> items =
                            rows.stream().map(RankedPerfume::trending).toList();
                    return new Ranking(
                            items.stream().limit(limit).toList(),
                            next(items.size(), limit, offset),
                            null,
                            null,
                            null,
                            "trendingScore",
                            null,
                            asOf);
                }));
    }

    /** The page from rows fetched with limit + 1: the cursor when there is more. */
    private static Ranking page(TopQuery q, List<RankedPerfume> rows, Instant asOf) {
        boolean windowed = !q.allTime();
        return new Ranking(
                rows.stream().limit(q.limit()).toList(),
                next(rows.size(), q.limit(), q.offset()),
                windowed ? q.window().from() : null,
                windowed ? q.window().to() : null,
                windowed ? q.window().tz() : null,
                q.metric().parameter,
                q.minSample(),
                asOf);
    }

    private static String next(int fetched, int limit, int offset) {
        return fetched > limit ? Paging.offsetCursor(offset + limit) : null;
    }

    private Uni<Instant> asOf() {
        return jobRuns.latestAsOf(AS_OF_JOB);
    }
}
