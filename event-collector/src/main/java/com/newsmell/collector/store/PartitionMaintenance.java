package com.newsmell.collector.store;

import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * The {@code partitions} job: creates the raw store's monthly partitions ahead of time (from the oldest accepted
 * month to partition-months-ahead after this one); rows that landed in the default partition are moved.
 */
@ApplicationScoped
public class PartitionMaintenance implements ScheduledJob {

    public static final String NAME = "partitions";
    private static final Logger LOG = Logger.getLogger(PartitionMaintenance.class);

    private final PartitionRepository partitions;
    private final CollectorConfig config;

    public PartitionMaintenance(PartitionRepository partitions, CollectorConfig config) {
        this.partitions = partitions;
        this.config = config;
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                NAME,
                config.partitionCron(),
                CatchUp.LATEST_ONLY,
                "Creates the raw store's monthly partitions from the oldest accepted month to "
                        + config.partitionMonthsAhead() + " months ahead; rows = partitions created.");
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        LocalDate from = context.clock()
                .atOffset(ZoneOffset.UTC)
                .toLocalDate()
                .minusDays(config.acceptedLateness().toDays());
        return ensurePartitions(from).map(JobOutcome::rows);
    }

    /** Returns how many partitions were created. */
    @WithTransaction
    public Uni<Integer> ensurePartitions(LocalDate from) {
        return partitions.ensure(from, config.partitionMonthsAhead()).invoke(n -> {
            if (n > 0) {
                LOG.infof("created %d raw-store partitions", n);
            }
        });
    }
}
