package com.newsmell.recommendation.graphql;

import com.newsmell.recommendation.api.Windows;
import com.newsmell.recommendation.compare.AlgorithmComparison;
import com.newsmell.recommendation.compare.CompareQuery;
import com.newsmell.recommendation.compare.CompareService;
import com.newsmell.recommendation.feedback.FeedbackListQuery;
import com.newsmell.recommendation.feedback.FeedbackResource;
import com.newsmell.recommendation.feedback.FeedbackService;
import com.newsmell.recommendation.metrics.PositionBiasReport;
import com.newsmell.recommendation.metrics.RecommendationBucket;
import com.newsmell.recommendation.metrics.RecommendationFigures;
import com.newsmell.recommendation.metrics.RecommendationMetricsQuery;
import com.newsmell.recommendation.metrics.RecommendationMetricsService;
import com.newsmell.recommendation.stats.Proportions;
import com.newsmell.toolkit.api.Metrics;
import com.newsmell.toolkit.graphql.Federation;
import com.newsmell.toolkit.graphql.GraphQLArgs;
import com.newsmell.toolkit.graphql.Isolated;
import com.newsmell.toolkit.graphql.JobStatus;
import com.newsmell.toolkit.graphql.JobStatusQuery;
import com.newsmell.toolkit.http.Page;
import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.jobs.JobsService;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * recommendation-feedback-service's subgraph (issue 14, ADR 0025): thin, over the metrics, position-bias and
 * comparison services the REST API uses. The figures of a batch of perfumes are one metrics read, broken down by
 * perfumeId and filtered to the batch (GET /v1/recommendations/metrics?breakdown=perfumeId&filters=perfumeId==…); the
 * feedback rows of a batch of users are one ledger read (GET /v1/recommendations/feedback?userId=, each user's page).
 */
@GraphQLApi
@Link(
        url = Federation.V2,
        _import = {@Import(name = "@key"), @Import(name = "@shareable")})
public class RecommendationGraphQL {

    /** The most perfumes one batch reads (the metrics API's largest page). */
    private static final int MAX_BATCH = 1000;

    private final RecommendationMetricsService metrics;
    private final CompareService compare;
    private final FeedbackService feedback;
    private final JobsService jobs;

    public RecommendationGraphQL(
            RecommendationMetricsService metrics, CompareService compare, FeedbackService feedback, JobsService jobs) {
        this.metrics = metrics;
        this.compare = compare;
        this.feedback = feedback;
        this.jobs = jobs;
    }

    @Resolver
    public List<Perfume> perfumes(@NonNull List<@NonNull String> perfumeId) {
        return perfumeId.stream().map(Perfume::new).toList();
    }

    @Resolver
    public List<User> users(@NonNull List<@NonNull String> userId) {
        return userId.stream().map(User::new).toList();
    }

    @Description("The user's recommendation feedback rows (GET /v1/recommendations/feedback?userId=, same arguments"
            + " and rules): every impression they were shown, with its click, explicit feedback and credited"
            + " conversions, oldest first, keyset-paged; from and to optional. One read per batch of users.")
    public Uni<List<FeedbackPage>> feedback(
            @Source List<User> users,
            String from,
            String to,
            String tz,
            String algorithm,
            @Description("1-1000, default 100") Integer limit,
            String cursor) {
        List<String> ids = users.stream().map(User::userId).distinct().toList();
        FeedbackListQuery query = FeedbackListQuery.of(
                from, to, tz, algorithm, ids.isEmpty() ? null : ids.get(0), GraphQLArgs.text(limit), cursor);
        return Isolated.run(() -> feedback.pagesOf(ids, query))
                .map(pages -> users.stream()
                        .map(u -> {
                            Page<FeedbackResource.FeedbackListItem> page =
                                    FeedbackResource.page(query, pages.getOrDefault(u.userId(), List.of()));
                            return new FeedbackPage(page.items(), page.nextCursor());
                        })
                        .toList());
    }

    @Description("The perfume's figures as a recommended item over [from, to) (GET /v1/recommendations/metrics"
            + "?filters=perfumeId==…: impressions, clicks, CTR, conversions); absent without impressions.")
    public Uni<List<RecommendationFigures>> recommendation(
            @Source List<Perfume> perfumes, @NonNull String from, @NonNull String to, String tz) {
        List<String> ids = perfumes.stream().map(Perfume::perfumeId).distinct().toList();
        if (ids.size() > MAX_BATCH) {
            throw QueryParams.bad(
                    "representations", "max", "at most " + MAX_BATCH + " perfumes per batch of representations.");
        }
        String filter = "perfumeId==" + String.join("|", ids);
        return Isolated.run(() -> metrics.metrics(RecommendationMetricsQuery.of(
                        from,
                        to,
                        tz,
                        "day",
                        "perfumeId",
                        filter,
                        null,
                        String.valueOf(MAX_BATCH),
                        null,
                        null,
                        null,
                        null)))
                .map(m -> {
                    Map<String, RecommendationFigures> byPerfume = new HashMap<>();
                    m.breakdown().items().forEach(v -> byPerfume.put(v.value(), v.totals()));
                    return perfumes.stream()
                            .map(p -> byPerfume.get(p.perfumeId()))
                            .toList();
                });
    }

    @Query
    @Description("Recommendation CTR and conversions over time, by algorithm and by position with Wilson 95%"
            + " intervals (GET /v1/recommendations/metrics). from and to required, on the granularity's grid.")
    public Uni<@NonNull RecommendationSeries> recommendationMetrics(
            @NonNull String from, @NonNull String to, String tz, String granularity) {
        return Isolated.run(() -> metrics.metrics(query(from, to, tz, granularity, null))
                .chain(all -> metrics.metrics(query(from, to, tz, granularity, "algorithm"))
                        .chain(algorithms -> metrics.metrics(query(from, to, tz, granularity, "position"))
                                .map(positions -> new RecommendationSeries(
                                        all.from(),
                                        all.to(),
                                        all.granularity(),
                                        all.asOf(),
                                        all.totals(),
                                        all.buckets() == null ? List.<RecommendationBucket>of() : all.buckets(),
                                        values(algorithms),
                                        values(positions))))));
    }

    @Query
    @Description("The position-bias report of a window (GET /v1/recommendations/position-bias).")
    public Uni<@NonNull PositionBiasReport> positionBias(@NonNull String from, @NonNull String to, String tz) {
        return Isolated.run(() -> metrics.positionBias(Windows.of(from, to, tz)));
    }

    @Description("The raw CTR's Wilson 95% interval; absent without impressions.")
    public Proportions.Interval ctrInterval(@Source PositionBiasReport.PositionPoint point) {
        return point.impressions() == 0 ? null : Proportions.wilson(point.clicks(), point.impressions(), 0.95);
    }

    @Query
    @Description("Two algorithms compared on a metric, with intervals and tests (GET /v1/recommendations/compare).")
    public Uni<AlgorithmComparison.@NonNull Result> algorithmComparison(
            @NonNull String a, @NonNull String b, String metric, @NonNull String from, @NonNull String to, String tz) {
        return Isolated.run(() -> compare.compare(CompareQuery.of(a, b, metric, from, to, tz)));
    }

    @Query
    @Description("recommendation-feedback-service's jobs and their last runs (GET /v1/jobs).")
    public Uni<@NonNull List<@NonNull JobStatus>> recommendationJobs() {
        return Isolated.run(() -> JobStatusQuery.of(jobs, "recommendation-feedback-service"));
    }

    private static RecommendationMetricsQuery query(
            String from, String to, String tz, String granularity, String breakdown) {
        return RecommendationMetricsQuery.of(
                from,
                to,
                tz,
                granularity,
                breakdown,
                null,
                null,
                breakdown == null ? null : "1000",
                null,
                null,
                null,
                null);
    }

    private static List<FigureValue> values(Metrics<RecommendationBucket, RecommendationFigures> m) {
        return m.breakdown() == null
                ? List.of()
                : m.breakdown().items().stream()
                        .map(v -> FigureValue.of(v.value(), v.totals()))
                        .collect(Collectors.toList());
    }
}
