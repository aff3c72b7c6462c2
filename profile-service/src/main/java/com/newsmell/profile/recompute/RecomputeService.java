package com.newsmell.profile.recompute;

import com.newsmell.profile.behavior.UserBehaviorProfileRepository;
import com.newsmell.profile.calculation.ComputedProfile;
import com.newsmell.profile.calculation.ProfileCalculator;
import com.newsmell.profile.calculation.ProfileInputs;
import com.newsmell.profile.calculation.ProfileRules;
import com.newsmell.profile.calculation.ProfileWindow;
import com.newsmell.profile.config.ProfileConfig;
import com.newsmell.profile.rollup.PendingRepository;
import com.newsmell.profile.rollup.RollupRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recomputes a chunk of profiles in one transaction: lock the profiles (userId order), read the users' recompute
 * marks and rollups, compute each profile ({@link ProfileCalculator}), write them, and remove the marks read.
 */
@ApplicationScoped
public class RecomputeService {

    private final UserBehaviorProfileRepository profiles;
    private final PendingRepository pending;
    private final InputRepository inputs;
    private final RollupRepository rollups;
    private final ProfileRules rules;

    public RecomputeService(
            UserBehaviorProfileRepository profiles,
            PendingRepository pending,
            InputRepository inputs,
            RollupRepository rollups,
            ProfileConfig config) {
        this.rollups = rollups;
        this.profiles = profiles;
        this.pending = pending;
        this.inputs = inputs;
        this.rules = ProfileRules.of(config);
    }

    public ProfileRules rules() {
        return rules;
    }

    /**
     * Recomputes the profiles of these users (those that exist) as of the window; returns how many.
     *
     * @param sortedUserIds the users (the lock takes them in userId order)
     * @param computedBy what computed them, recorded with each profile ({@code job-run:<id>} or {@code recompute})
     * @param catalogCache the catalog facts the run has read so far
     */
    @WithTransaction
    public Uni<Integer> recompute(
            List<String> sortedUserIds,
            ProfileWindow window,
            String computedBy,
            InputRepository.CatalogCache catalogCache) {
        return profiles.lock(sortedUserIds).chain(existing -> {
            if (existing.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return pending.marksOf(existing)
                    .chain(marks -> inputs.read(existing, window)
                            .chain(chunk -> inputs.catalog(chunk.perfumeIds(), catalogCache)
                                    .map(catalog -> compute(chunk, catalog, window))
                                    .call(computed -> profiles.save(computed.profiles(), window.asOf(), computedBy))
                                    .chain(computed -> pending.clear(settled(marks, computed.unsettled()))))
                            .replaceWith(existing.size()));
        });
    }

    /**
     * Prepares a run and answers how many users it recomputes: an incremental run marks the users whose window or
     * history lost days (on top of the consumers' marks) and recomputes the marked users; a full run walks every
     * profile (no marks to write and delete: a user's mark is still cleared when their profile is recomputed).
     */
    @WithTransaction
    public Uni<Long> mark(ProfileWindow window, boolean full) {
        return full
                ? profiles.count()
                : pending.markWindowLosses(window.windowStart(), window.historyStart())
                        .chain(n -> pending.count());
    }

    /**
     * The next users of the run after this userId (null: the first ones), in primary key order: marked users, or every
     * profile's user in a full run.
     */
    @WithTransaction
    public Uni<List<String>> nextChunk(String afterUserId, int size, boolean full) {
        return full
                ? profiles.userIdsAfter(afterUserId, size)
                : pending.next(afterUserId, size)
                        .map(marks -> marks.stream()
                                .map(PendingRepository.Mark::userId)
                                .toList());
    }

    /** Drops the rollup days no profile reads any more (before the window, before the history). */
    @WithTransaction
    public Uni<Integer> prune(ProfileWindow window) {
        return rollups.prune(window.windowStart(), window.historyStart());
    }

    /**
     * The marks to remove: not those of users with days after the run's (a run with an earlier clock than their
     * events, such as a catch-up): their profile changes again when the window reaches those days.
     */
    static List<PendingRepository.Mark> settled(List<PendingRepository.Mark> marks, Set<String> unsettled) {
        return marks.stream().filter(m -> !unsettled.contains(m.userId())).toList();
    }

    /** A chunk's computed profiles, and its users with days after the run's. */
    record Computed(List<ComputedProfile> profiles, Set<String> unsettled) {}

    /** Each user's inputs parsed from the chunk's rows and computed, one user at a time. */
    private Computed compute(
            InputRepository.Chunk chunk, Map<String, ProfileInputs.CatalogFacts> catalog, ProfileWindow window) {
        List<ComputedProfile> computed = new ArrayList<>(chunk.rows().size());
        Set<String> unsettled = new HashSet<>();
        for (Object[] row : chunk.rows()) {
            ProfileInputs in = InputRepository.inputs(row, window, catalog);
            computed.add(ProfileCalculator.compute(in, window, rules));
            if (in.activity().daysAfterRun()) {
                unsettled.add(in.userId());
            }
        }
        return new Computed(computed, unsettled);
    }
}
