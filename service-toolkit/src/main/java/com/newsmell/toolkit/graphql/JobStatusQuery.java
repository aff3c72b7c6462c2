package com.newsmell.toolkit.graphql;

import com.newsmell.toolkit.jobs.JobsService;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;

/**
 * The job statuses of one service, for its subgraph's root field ({@code <service>Jobs}): each service's
 * {@code @GraphQLApi} names the field (root fields are owned by one subgraph) and asks this, over the same
 * {@link JobsService} as GET /v1/jobs.
 */
public final class JobStatusQuery {

    private JobStatusQuery() {}

    public static Uni<List<JobStatus>> of(JobsService jobs, String service) {
        return jobs.list(1, Instant.now()).map(list -> JobStatus.of(service, list));
    }
}
