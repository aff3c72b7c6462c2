package com.newsmell.collector.store;

import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.collector.store.PartitionRepository.Partition;
import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The {@code partitions} job (ADR 0030): creates the raw store's monthly partitions ahead of time (from the oldest
 * accepted month to partition-months-ahead after this one; rows that landed in the default partition are moved),
 * gives every partition its tier's indexes (hot, warm) and drops the cold ones the archive manifest holds.
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
                        + config.partitionMonthsAhead() + " months ahead, gives each its tier's indexes (hot: the last "
                        + config.tiers().hot() + ", warm: to " + config.tiers().warm()
                        + ") and drops cold months the archive manifest holds; rows = partitions created or dropped.");
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        LocalDate from = context.clock()
                .atOffset(ZoneOffset.UTC)
                .toLocalDate()
                .minusDays(config.acceptedLateness().toDays());
        Map<String, Object> detail = new LinkedHashMap<>();
        return ensurePartitions(from)
                .invoke(created -> detail.put("created", created))
                .chain(created -> applyTiers(context.clock()).map(tiers -> {
                    detail.putAll(tiers);
                    long dropped = ((Number) tiers.getOrDefault("dropped", 0)).longValue();
                    return new JobOutcome(created + dropped, null, detail);
                }));
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

    /**
     * Gives each partition its tier at the clock, one transaction per partition, and drops the archived cold ones.
     * Returns how many partitions are in each tier and what happened to the cold ones.
     */
    public Uni<Map<String, Object>> applyTiers(Instant clock) {
        Map<String, Object> tally = new TreeMap<>();
        return listPartitions().chain(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Partition partition : list) {
                PartitionTier tier = partition.month() == null
                        ? PartitionTier.HOT
                        : PartitionTier.of(
                                partition.month(),
                                clock,
                                config.tiers().hot(),
                                config.tiers().warm());
                chain = chain.chain(() -> tier(partition, tier))
                        .invoke(outcome -> {
                            tally.merge(tier.sql(), 1, (a, b) -> (Integer) a + (Integer) b);
                            if (outcome != null) {
                                tally.merge(outcome, 1, (a, b) -> (Integer) a + (Integer) b);
                            }
                        })
                        .replaceWithVoid();
            }
            return chain.replaceWith(tally);
        });
    }

    @WithTransaction
    Uni<List<Partition>> listPartitions() {
        return partitions.list();
    }

    /** Sets the partition's tier; a cold one is then dropped if archived. Returns the cold outcome, else null. */
    @WithTransaction
    Uni<String> tier(Partition partition, PartitionTier tier) {
        Uni<Integer> indexes = partitions.setTier(partition.name(), tier);
        if (tier != PartitionTier.COLD) {
            return indexes.replaceWith((String) null);
        }
        return indexes.chain(() -> partitions.dropIfArchived(partition)).invoke(outcome -> {
            if ("dropped".equals(outcome)) {
                LOG.infof("dropped archived raw-store partition %s", partition.name());
            }
        });
    }
}
