package com.newsmell.collector.privacy;

import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The {@code erasure-retries} job (ADR 0032): publishes again on privacy-requests every erasure request whose next
 * attempt is due and that some service reading the topic has not acknowledged done, with a doubling wait and a
 * bounded number of attempts ({@link RetryPolicy}); a request every service acknowledged is settled instead.
 */
@ApplicationScoped
public class ErasureRetryJob implements ScheduledJob {

    public static final String NAME = "erasure-retries";

    /** Requests looked at per run; the rest wait for the next run. */
    private static final int BATCH = 500;

    private final PrivacyService privacy;
    private final CollectorConfig.Privacy.Retry config;

    public ErasureRetryJob(PrivacyService privacy, CollectorConfig config) {
        this.privacy = privacy;
        this.config = config.privacy().retry();
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                NAME,
                config.cron(),
                CatchUp.LATEST_ONLY,
                "Publishes again the erasure requests some service has not acknowledged done, "
                        + config.firstDelay() + " after the first publication, then after each wait doubled, "
                        + config.maxAttempts() + " publications at most; rows = requests published again.");
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        return privacy.due(context.clock(), BATCH)
                .onItem()
                .transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem()
                .transformToUniAndConcatenate(due -> privacy.retry(due, context.clock()))
                .collect()
                .asList()
                .map(done -> {
                    long published = done.stream().filter(Boolean::booleanValue).count();
                    return new JobOutcome(
                            published, null, Map.of("due", done.size(), "settled", done.size() - published));
                });
    }
}
