package com.newsmell.collector.store;

import com.newsmell.collector.config.CollectorConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Creates the raw store's monthly partitions ahead of time (from the oldest accepted month to
 * partition-months-ahead after this one); rows that landed in the default partition are moved.
 */
@ApplicationScoped
public class PartitionMaintenance {

    private static final Logger LOG = Logger.getLogger(PartitionMaintenance.class);

    private final Pool pool;
    private final CollectorConfig config;

    public PartitionMaintenance(Pool pool, CollectorConfig config) {
        this.pool = pool;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        ensurePartitions().subscribe().with(n -> {}, f -> LOG.warn("partition maintenance failed at startup", f));
    }

    @Scheduled(cron = "{newsmell.collector.partition-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return ensurePartitions().replaceWithVoid();
    }

    /** Returns how many partitions were created. */
    public Uni<Integer> ensurePartitions() {
        LocalDate from = LocalDate.now(ZoneOffset.UTC)
                .minusDays(config.acceptedLateness().toDays());
        return ensurePartitions(from);
    }

    public Uni<Integer> ensurePartitions(LocalDate from) {
        return pool.preparedQuery("select ensure_interaction_partitions($1, $2)")
                .execute(Tuple.of(from, config.partitionMonthsAhead()))
                .map(rows -> rows.iterator().next().getInteger(0))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("created %d raw-store partitions", n);
                    }
                });
    }
}
