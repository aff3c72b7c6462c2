package com.newsmell.collector.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** The raw store's monthly partitions (the {@code ensure_interaction_partitions} function of V1). */
@ApplicationScoped
public class PartitionRepository {

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
}
