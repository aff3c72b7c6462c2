package com.newsmell.perfumestats.graphql;

import com.newsmell.perfumestats.catalog.CatalogAttributes;
import com.newsmell.perfumestats.catalog.CatalogAttributesRepository;
import com.newsmell.perfumestats.config.PerfumeStatsConfig;
import com.newsmell.perfumestats.features.PerfumeFeatures;
import com.newsmell.perfumestats.features.PerfumeFeaturesService;
import com.newsmell.perfumestats.stats.PerfumeStatsQueries;
import com.newsmell.perfumestats.stats.Ranking;
import com.newsmell.perfumestats.stats.TopQuery;
import com.newsmell.perfumestats.timeseries.TimeseriesQuery;
import com.newsmell.perfumestats.timeseries.TimeseriesService;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.graphql.Federation;
import com.newsmell.toolkit.graphql.GraphQLArgs;
import com.newsmell.toolkit.graphql.Isolated;
import com.newsmell.toolkit.graphql.JobStatus;
import com.newsmell.toolkit.graphql.JobStatusQuery;
import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.jobs.JobsService;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * perfume-stats-service's subgraph (issue 14, ADR 0025): thin, over the services the REST resources use. A batch of
 * Perfume keys is resolved with one query ({@link PerfumeStatsQueries#many}), and each of its fields (features,
 * catalog, trendingRank, timeSeries) with one read for the whole batch (@Source List), never one per perfume.
 */
@GraphQLApi
@Link(
        url = Federation.V2,
        _import = {@Import(name = "@key"), @Import(name = "@shareable")})
public class PerfumeStatsGraphQL {

    private final PerfumeStatsQueries queries;
    private final PerfumeFeaturesService features;
    private final CatalogAttributesRepository catalog;
    private final TimeseriesService series;
    private final PerfumeStatsConfig config;
    private final JobsService jobs;

    public PerfumeStatsGraphQL(
            PerfumeStatsQueries queries,
            PerfumeFeaturesService features,
            CatalogAttributesRepository catalog,
            TimeseriesService series,
            PerfumeStatsConfig config,
            JobsService jobs) {
        this.queries = queries;
        this.features = features;
        this.catalog = catalog;
        this.series = series;
        this.config = config;
        this.jobs = jobs;
    }

    @Resolver
    public Uni<List<Perfume>> perfumes(@NonNull List<@NonNull String> perfumeId) {
        return Isolated.run(() -> queries.many(perfumeId)).map(views -> {
            List<Perfume> perfumes = new ArrayList<>();
            for (int i = 0; i < perfumeId.size(); i++) {
                perfumes.add(new Perfume(perfumeId.get(i), views.get(i)));
            }
            return perfumes;
        });
    }

    @Query
    @Description("One perfume, by its ID; the other subgraphs add their fields.")
    public Uni<@NonNull Perfume> perfume(@NonNull String perfumeId) {
        if (QueryParams.blank(perfumeId)) {
            throw QueryParams.bad("perfumeId", "not-blank", "perfumeId must not be blank.");
        }
        return perfumes(List.of(perfumeId)).map(list -> list.get(0));
    }

    @Description("The perfume's features (GET /v1/perfumes/{id}/features): catalog attributes from this service's"
            + " copy of the catalog, popularity, quality, market and trend signals. One read per batch of perfumes.")
    public Uni<List<PerfumeFeatures>> features(@Source List<Perfume> perfumes) {
        return Isolated.run(() -> features.features(ids(perfumes)));
    }

    @Description("The perfume's entry in this service's copy of the catalog (the perfume-catalog topic, ADR 0016);"
            + " absent when the catalog has not listed it. One read per batch of perfumes.")
    public Uni<List<CatalogAttributes>> catalog(@Source List<Perfume> perfumes) {
        List<String> ids = ids(perfumes);
        return Isolated.run(() -> catalog.findAll(ids))
                .map(found -> ids.stream().map(found::get).toList());
    }

    @Description("The perfume's place in the trending list (trendingPerfumes, GET /v1/perfumes/trending without a"
            + " house): 1 for the highest stored trendingScore; absent without a score above 0. One read per batch.")
    public Uni<List<Integer>> trendingRank(@Source List<Perfume> perfumes) {
        List<String> ids = ids(perfumes);
        return Isolated.run(() -> queries.trendingRanks(ids))
                .map(ranks -> ids.stream().map(ranks::get).toList());
    }

    @Description("The perfume's metric per bucket (GET /v1/perfumes/{perfumeId}/timeseries, same arguments and"
            + " rules): from and to required; metric default views, granularity default day. Absent for a perfume"
            + " the service has never seen. One read per batch of perfumes.")
    public Uni<List<PerfumeSeries>> timeSeries(
            @Source List<Perfume> perfumes,
            @NonNull String from,
            @NonNull String to,
            String tz,
            String metric,
            @Description("hour or day (default day)") String granularity) {
        List<String> ids = ids(perfumes);
        TimeseriesQuery query = TimeseriesQuery.parse(
                ids.isEmpty() ? "" : ids.get(0),
                metric,
                granularity,
                new WindowParams(from, to, tz),
                config.jobs().hourlyRetentionDays());
        return Isolated.run(() -> series.read(ids, query))
                .map(found -> found.stream()
                        .map(s -> s == null ? null : PerfumeSeries.of(s))
                        .toList());
    }

    @Query
    @Description("The perfumes gaining momentum, highest trendingScore first (GET /v1/perfumes/trending).")
    public Uni<@NonNull TrendingPage> trendingPerfumes(
            @Description("1-1000, default 100") Integer limit, String cursor, String houseId) {
        PageParams page = GraphQLArgs.page(limit, cursor);
        int size = page.size();
        int offset = TopQuery.offset(page.cursor);
        if (houseId != null && houseId.isBlank()) {
            throw QueryParams.bad("houseId", "not-blank", "houseId must not be blank.");
        }
        return Isolated.run(() -> queries.trending(size, offset, houseId == null ? null : houseId.trim()))
                .map(ranking -> page(ranking, offset));
    }

    @Query
    @Description("perfume-stats-service's jobs and their last runs (GET /v1/jobs).")
    public Uni<@NonNull List<@NonNull JobStatus>> perfumeStatsJobs() {
        return Isolated.run(() -> JobStatusQuery.of(jobs, "perfume-stats-service"));
    }

    private static List<String> ids(List<Perfume> perfumes) {
        return perfumes.stream().map(Perfume::perfumeId).toList();
    }

    private static TrendingPage page(Ranking ranking, int offset) {
        List<TrendingPerfume> items = new ArrayList<>();
        for (int i = 0; i < ranking.items().size(); i++) {
            var ranked = ranking.items().get(i);
            items.add(new TrendingPerfume(
                    offset + i + 1,
                    ranked.stats().trendingScore(),
                    new Perfume(ranked.stats().perfumeId(), ranked.stats())));
        }
        return new TrendingPage(items, ranking.nextCursor(), ranking.asOf());
    }
}
