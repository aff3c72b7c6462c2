package com.newsmell.session.metrics;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The hourly rollups: for every hour whose searches a re-fold changed (rollup_dirty_hour), recomputes the search
 * popularity and outcomes of that hour from the search rows.
 */
@ApplicationScoped
public class HourlyRollupService {

    static final int BATCH = 200;

    private final RollupRepository rollups;

    public HourlyRollupService(RollupRepository rollups) {
        this.rollups = rollups;
    }

    /** Recomputes one batch of dirty hours; returns how many hours it did. */
    @WithTransaction
    public Uni<Integer> rollupBatch() {
        return rollups.dirtyHours(BATCH).chain(dirty -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (RollupRepository.DirtyHour hour : dirty) {
                chain = chain.chain(() -> rollups.recomputeHour(hour.hour())).chain(() -> rollups.forget(hour));
            }
            return chain.replaceWith(dirty.size());
        });
    }
}
