package com.newsmell.collector.graphql;

import com.newsmell.collector.metrics.EventMetricsQuery;
import com.newsmell.collector.metrics.EventMetricsService;
import com.newsmell.collector.quality.QualityService;
import com.newsmell.toolkit.api.BotParams;
import com.newsmell.toolkit.api.MetricsParams;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.graphql.Federation;
import com.newsmell.toolkit.graphql.GraphQLArgs;
import com.newsmell.toolkit.graphql.Isolated;
import com.newsmell.toolkit.graphql.JobStatus;
import com.newsmell.toolkit.graphql.JobStatusQuery;
import com.newsmell.toolkit.jobs.JobsService;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * event-collector's subgraph (issue 14, ADR 0025): the event rate from the raw store, over the service the REST
 * metrics use (never a replica's in-memory counters), the data-quality view over the service {@code GET
 * /v1/quality} uses (issue 20, ADR 0041), and the collector's jobs.
 */
@GraphQLApi
@Link(
        url = Federation.V2,
        _import = {@Import(name = "@key"), @Import(name = "@shareable")})
public class CollectorGraphQL {

    private final EventMetricsService metrics;
    private final JobsService jobs;
    private final QualityService quality;

    public CollectorGraphQL(EventMetricsService metrics, JobsService jobs, QualityService quality) {
        this.metrics = metrics;
        this.jobs = jobs;
        this.quality = quality;
    }

    @Query
    @Description("Stored events, sessions and users per hour or day (GET /v1/events/metrics), bots left out unless"
            + " includeBots: from and to required, on the granularity's grid.")
    public Uni<@NonNull EventSeries> eventRate(
            @NonNull String from,
            @NonNull String to,
            String tz,
            @Description("hour or day") String granularity,
            Boolean includeBots) {
        return Isolated.run(() -> metrics.metrics(EventMetricsQuery.of(
                        new WindowParams(from, to, tz),
                        new MetricsParams(granularity, null, null),
                        new BotParams(includeBots == null ? null : includeBots.toString()),
                        null,
                        GraphQLArgs.page(null, null))))
                .map(EventSeries::of);
    }

    @Query
    @Description("Accepted, rejected and dead-lettered events over time (GET /v1/quality, ADR 0041), from the"
            + " collector's per-minute counts (the same for every replica): from and to required, on the granularity's"
            + " grid; with groupBy, per value most rejected first (groupBy rule: the top rules).")
    public Uni<@NonNull QualitySeries> quality(
            @NonNull String from,
            @NonNull String to,
            String tz,
            @Description("hour or day (default)") String granularity,
            @Description("eventType, rule, field, source or consumer") String groupBy) {
        return Isolated.run(() -> quality.counts(new WindowParams(from, to, tz), granularity, groupBy))
                .map(QualitySeries::of);
    }

    @Query
    @Description("event-collector's jobs and their last runs (GET /v1/jobs).")
    public Uni<@NonNull List<@NonNull JobStatus>> collectorJobs() {
        return Isolated.run(() -> JobStatusQuery.of(jobs, "event-collector"));
    }
}
