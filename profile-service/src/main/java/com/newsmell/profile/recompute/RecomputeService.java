package com.newsmell.profile.recompute;

import com.newsmell.profile.behavior.UserBehaviorProfileRepository;
import com.newsmell.profile.calculation.ComputedProfile;
import com.newsmell.profile.calculation.ProfileCalculator;
import com.newsmell.profile.calculation.ProfileInputs;
import com.newsmell.profile.calculation.ProfileRules;
import com.newsmell.profile.calculation.ProfileWindow;
import com.newsmell.profile.config.ProfileConfig;
import com.newsmell.profile.rollup.DayActivity;
import com.newsmell.profile.rollup.PendingRepository;
import com.newsmell.profile.rollup.RollupRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
     * @param sortedUserIds in userId order
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
                                    .map(catalog -> compute(existing, chunk, catalog, window))
                                    .chain(computed -> profiles.save(computed, window.asOf(), computedBy))
                                    .chain(() -> pending.clear(settled(marks, chunk.days(), window))))
                            .replaceWith(existing.size()));
        });
    }

    /**
     * Marks the users a run recomputes (full: every user; else those whose window or history lost days, on top of the
     * consumers' marks) and answers how many users are marked in all.
     */
    @WithTransaction
    public Uni<Long> mark(ProfileWindow window, boolean full) {
        return (full ? pending.markAll() : pending.markWindowLosses(window.windowStart(), window.historyStart()))
                .chain(n -> pending.count());
    }

    /** The next marked users after this userId (null: the first ones), in userId order. */
    @WithTransaction
    public Uni<List<PendingRepository.Mark>> nextChunk(String afterUserId, int size) {
        return pending.next(afterUserId, size);
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
    static List<PendingRepository.Mark> settled(
            List<PendingRepository.Mark> marks, Map<String, List<DayActivity>> days, ProfileWindow window) {
        return marks.stream()
                .filter(m -> days.getOrDefault(m.userId(), List.of()).stream()
                        .noneMatch(d -> d.day().isAfter(window.day())))
                .toList();
    }

    private List<ComputedProfile> compute(
            List<String> users,
            InputRepository.Chunk chunk,
            Map<String, ProfileInputs.CatalogFacts> catalog,
            ProfileWindow window) {
        List<ComputedProfile> computed = new ArrayList<>(users.size());
        for (String user : users) {
            ProfileInputs in = new ProfileInputs(
                    user,
                    chunk.days().getOrDefault(user, List.of()),
                    chunk.perfumeDays().getOrDefault(user, List.of()),
                    chunk.perfumes().getOrDefault(user, List.of()),
                    chunk.sessions().getOrDefault(user, ProfileInputs.Sessions.NONE),
                    catalog);
            computed.add(ProfileCalculator.compute(in, window, rules));
        }
        return computed;
    }
}
