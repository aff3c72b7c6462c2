package com.newsmell.perfumestats.graphql;

import com.newsmell.perfumestats.features.PerfumeFeatures;
import com.newsmell.perfumestats.features.PerfumeFeaturesService;
import com.newsmell.perfumestats.stats.PerfumeStatsQueries;
import com.newsmell.perfumestats.stats.Ranking;
import com.newsmell.perfumestats.stats.TopQuery;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.graphql.Federation;
import com.newsmell.toolkit.graphql.GraphQLArgs;
import com.newsmell.toolkit.graphql.Isolated;
import com.newsmell.toolkit.graphql.JobStatus;
import com.newsmell.toolkit.graphql.JobStatusQuery;
import com.newsmell.toolkit.http.ProblemException;
import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.jobs.JobsService;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * perfume-stats-service's subgraph (issue 14, ADR 0025): thin, over the services the REST resources use. A batch of
 * Perfume keys is resolved with one query ({@link PerfumeStatsQueries#many}).
 */
@GraphQLApi
@Link(
        url = Federation.V2,
        _import = {@Import(name = "@key"), @Import(name = "@shareable")})
public class PerfumeStatsGraphQL {

    private final PerfumeStatsQueries queries;
    private final PerfumeFeaturesService features;
    private final JobsService jobs;

    public PerfumeStatsGraphQL(PerfumeStatsQueries queries, PerfumeFeaturesService features, JobsService jobs) {
        this.queries = queries;
        this.features = features;
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
            + " copy of the catalog, popularity, quality, market and trend signals.")
    public Uni<List<PerfumeFeatures>> features(@Source List<Perfume> perfumes) {
        return Isolated.run(() -> Multi.createFrom()
                .iterable(perfumes)
                .onItem()
                .transformToUniAndConcatenate(p -> features.features(p.perfumeId())
                        .map(Optional::of)
                        .onFailure(e -> e instanceof ProblemException problem
                                && problem.problem().status() == 404)
                        .recoverWithItem(Optional.empty()))
                .collect()
                .asList()
                .map(found -> found.stream().map(f -> f.orElse(null)).toList()));
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
