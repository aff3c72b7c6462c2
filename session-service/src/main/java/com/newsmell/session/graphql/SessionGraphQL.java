package com.newsmell.session.graphql;

import com.newsmell.session.metrics.MetricsService;
import com.newsmell.session.metrics.SearchMetrics;
import com.newsmell.session.search.SearchQueryService;
import com.newsmell.session.usersession.SessionQueryService;
import com.newsmell.toolkit.api.BotParams;
import com.newsmell.toolkit.api.MetricsParams;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.graphql.Federation;
import com.newsmell.toolkit.graphql.GraphQLArgs;
import com.newsmell.toolkit.graphql.Isolated;
import com.newsmell.toolkit.graphql.JobStatus;
import com.newsmell.toolkit.graphql.JobStatusQuery;
import com.newsmell.toolkit.jobs.JobsService;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * session-service's subgraph (issue 14, ADR 0025): thin, over the services the REST resources use, with the same
 * parameter rules (a bad argument fails naming it). A batch of User keys needs no read: their sessions and searches are paged
 * with the REST lists' keyset cursors, one read for the whole batch each.
 */
@GraphQLApi
@Link(
        url = Federation.V2,
        _import = {@Import(name = "@key"), @Import(name = "@shareable")})
public class SessionGraphQL {

    private final SessionQueryService sessions;
    private final SearchQueryService searches;
    private final MetricsService metrics;
    private final JobsService jobs;

    public SessionGraphQL(
            SessionQueryService sessions, SearchQueryService searches, MetricsService metrics, JobsService jobs) {
        this.sessions = sessions;
        this.searches = searches;
        this.metrics = metrics;
        this.jobs = jobs;
    }

    @Resolver
    public List<User> users(@NonNull List<@NonNull String> userId) {
        return userId.stream().map(User::new).toList();
    }

    @Description("The user's sessions, oldest first, keyset-paged (GET /v1/sessions?userId=). One read per batch of"
            + " users.")
    public Uni<List<SessionPage>> sessions(
            @Source List<User> users,
            @Description("1-1000, default 100") Integer limit,
            String cursor,
            String from,
            String to) {
        List<String> ids = users.stream().map(User::userId).distinct().toList();
        return Isolated.run(() ->
                        sessions.listOfUsers(ids, new WindowParams(from, to, null), GraphQLArgs.page(limit, cursor)))
                .map(pages -> users.stream()
                        .map(u -> pages.get(u.userId()))
                        .map(page -> new SessionPage(page.items(), page.nextCursor()))
                        .toList());
    }

    @Description("The user's search queries, oldest first, keyset-paged (GET /v1/search/queries?userId=). One read"
            + " per batch of users.")
    public Uni<List<SearchPage>> searches(
            @Source List<User> users,
            @Description("1-1000, default 100") Integer limit,
            String cursor,
            String from,
            String to) {
        List<String> ids = users.stream().map(User::userId).toList();
        return Isolated.run(() ->
                        searches.listOfUsers(ids, new WindowParams(from, to, null), GraphQLArgs.page(limit, cursor)))
                .map(pages -> pages.stream()
                        .map(page -> new SearchPage(page.items(), page.nextCursor()))
                        .toList());
    }

    @Query
    @Description("Sessions and bounce rate over time (GET /v1/sessions/metrics): from and to required, on the"
            + " granularity's grid (hour or day).")
    public Uni<@NonNull SessionSeries> sessionMetrics(
            @NonNull String from, @NonNull String to, String tz, String granularity) {
        return Isolated.run(() -> metrics.sessions(new MetricsService.SessionQuery(
                        new WindowParams(from, to, tz),
                        new MetricsParams(granularity, null, null),
                        new BotParams(null),
                        null,
                        GraphQLArgs.page(null, null),
                        null)))
                .map(SessionSeries::of);
    }

    @Query
    @Description("Search metrics over a window (GET /v1/search/metrics): searches, CTR, no-result rate, top queries.")
    public Uni<SearchMetrics.@NonNull SearchMetricsAnswer> searchMetrics(
            @NonNull String from, @NonNull String to, String tz, String granularity, Integer top) {
        return Isolated.run(() -> metrics.searches(new MetricsService.SearchQuery(
                new WindowParams(from, to, tz), granularity, new BotParams(null), null, GraphQLArgs.text(top))));
    }

    @Query
    @Description("The most frequent queries that found nothing (GET /v1/search/metrics/top-queries"
            + "?metric=noResultSearches).")
    public Uni<@NonNull QueryCountPage> noResultQueries(
            @NonNull String from, @NonNull String to, String tz, Integer limit, String cursor) {
        return Isolated.run(() -> metrics.topQueries(
                        new WindowParams(from, to, tz),
                        new BotParams(null),
                        "noResultSearches",
                        GraphQLArgs.page(limit, cursor)))
                .map(page -> new QueryCountPage(page.items(), page.nextCursor()));
    }

    @Query
    @Description("session-service's jobs and their last runs (GET /v1/jobs).")
    public Uni<@NonNull List<@NonNull JobStatus>> sessionJobs() {
        return Isolated.run(() -> JobStatusQuery.of(jobs, "session-service"));
    }
}
