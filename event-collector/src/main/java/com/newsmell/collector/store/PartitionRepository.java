package com.newsmell.collector.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * The raw store's monthly partitions: {@code ensure_interaction_partitions} (V1), {@code set_interaction_partition_tier}
 * and {@code drop_archived_interaction_partition} (V12).
 */
@ApplicationScoped
public class PartitionRepository {

    /** One partition of user_interaction_event; month is null for the default partition. */
    public record Partition(String name, LocalDate month) {}

    /** Creates the missing partitions from {@code from}'s month to {@code monthsAhead} after the current one. */
    @WithSession
    public Uni<Integer> ensure(LocalDate from, int monthsAhead) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select ensure_interaction_partitions(cast(?1 as date), ?2)", Integer.class)
                        .setParameter(1, from)
                        .setParameter(2, monthsAhead)
                        .getSingleResult());
    }

    /** Every attached partition, oldest month first, the default partition last. */
    @WithSession
    public Uni<List<Partition>> list() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select c.relname, case when c.relname ~ '_\\d{4}_\\d{2}$'"
                                        + " then cast(to_date(right(c.relname, 7), 'YYYY_MM') as text) end"
                                        + " from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                                        + " where i.inhparent = 'user_interaction_event'::regclass order by 2 nulls last",
                                Object[].class)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Partition((String) r[0], r[1] == null ? null : LocalDate.parse((String) r[1])))
                        .toList());
    }

    /** Gives the partition its tier's indexes; returns how many indexes were created or dropped. */
    @WithSession
    public Uni<Integer> setTier(String partition, PartitionTier tier) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("select set_interaction_partition_tier(?1, ?2)", Integer.class)
                        .setParameter(1, partition)
                        .setParameter(2, tier.sql())
                        .getSingleResult());
    }

    /** Drops a cold partition if the archive manifest holds its rows: dropped, unverified or awaiting-archive. */
    @WithSession
    public Uni<String> dropIfArchived(Partition partition) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select drop_archived_interaction_partition(?1, cast(?2 as date))", String.class)
                        .setParameter(1, partition.name())
                        .setParameter(2, partition.month())
                        .getSingleResult());
    }
}
