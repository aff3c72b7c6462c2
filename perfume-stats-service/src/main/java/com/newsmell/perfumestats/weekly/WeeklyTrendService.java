package com.newsmell.perfumestats.weekly;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The weekly trend analysis' writes, one transaction per chunk of perfumes: read their counts of the week and of the
 * week before, compute the growths ({@link WeeklyTrend}, {@link Growth}), upsert them. It writes its own table only,
 * so it takes no lock on the statistics and never holds up the consumer.
 */
@ApplicationScoped
public class WeeklyTrendService {

    private final WeeklyTrendRepository trends;

    public WeeklyTrendService(WeeklyTrendRepository trends) {
        this.trends = trends;
    }

    /**
     * Analyses each of the weeks for the perfumes, in one transaction; returns how many of their rows were inserted
     * or changed.
     */
    @WithTransaction
    public Uni<Integer> analyse(List<TrendWeek> weeks, List<String> perfumeIds) {
        Uni<Integer> changed = Uni.createFrom().item(0);
        for (TrendWeek week : weeks) {
            changed = changed.chain(total -> trends.counts(week, perfumeIds)
                    .chain(counts -> trends.upsert(week, counts))
                    .map(n -> total + n));
        }
        return changed;
    }
}
