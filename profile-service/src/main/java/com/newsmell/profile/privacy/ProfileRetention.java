package com.newsmell.profile.privacy;

import com.newsmell.contract.UserHash;
import com.newsmell.profile.config.ProfileConfig;
import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import com.newsmell.toolkit.privacy.ErasureStep;
import com.newsmell.toolkit.privacy.PrivacyConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code profile-retention} job (issue #15, ADR 0033): deletes every row of profiles inactive for
 * {@code delete-after} (2 years), then anonymises those inactive for {@code anonymise-after} (180 days): in every
 * profile table the user id becomes a keyed pseudonym ({@code pseudonym:} + HMAC-SHA256 under the privacy key) and
 * the search terms are dropped. One transaction per profile.
 */
@ApplicationScoped
public class ProfileRetention implements ScheduledJob {

    public static final String NAME = "profile-retention";
    public static final String PSEUDONYM = "pseudonym:";

    private final ProfileConfig config;
    private final PrivacyConfig privacy;
    private final ProfileErasure erasure;
    private final ProfileRetentionRepository repository;

    public ProfileRetention(
            ProfileConfig config,
            PrivacyConfig privacy,
            ProfileErasure erasure,
            ProfileRetentionRepository repository) {
        this.config = config;
        this.privacy = privacy;
        this.erasure = erasure;
        this.repository = repository;
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                NAME,
                config.retention().cron(),
                CatchUp.LATEST_ONLY,
                "Deletes profiles inactive for " + config.retention().deleteAfter() + " with all their rows, then"
                        + " anonymises those inactive for " + config.retention().anonymiseAfter()
                        + " (keyed pseudonym, search terms dropped); rows = profiles deleted or anonymised.");
    }

    /** The keyed pseudonym of a user id: stable, not reversible without the key. */
    public static String pseudonym(String key, String userId) {
        return PSEUDONYM + UserHash.of(key, PSEUDONYM + userId);
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        Instant deleteBefore = context.clock().minus(config.retention().deleteAfter());
        Instant anonymiseBefore = context.clock().minus(config.retention().anonymiseAfter());
        return inactive(deleteBefore, false)
                .chain(ids -> each(ids, this::delete))
                .chain(deleted -> inactive(anonymiseBefore, true)
                        .chain(ids -> each(ids, this::anonymise))
                        .map(anonymised -> new JobOutcome(
                                deleted + anonymised, null, Map.of("deleted", deleted, "anonymised", anonymised))));
    }

    private Uni<List<String>> inactive(Instant before, boolean onlyIdentified) {
        return Panache.withSession(() ->
                repository.inactive(before, onlyIdentified, config.retention().batchSize()));
    }

    private Uni<Long> each(List<String> ids, java.util.function.Function<String, Uni<Void>> action) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String id : ids) {
            chain = chain.chain(() -> action.apply(id));
        }
        return chain.replaceWith((long) ids.size());
    }

    private Uni<Void> delete(String userId) {
        return run(erasure.steps(), userId);
    }

    private Uni<Void> anonymise(String userId) {
        String pseudonym = pseudonym(privacy.hashKey(), userId);
        Map<String, Object> bound = Map.of("pseudonym", pseudonym);
        List<ErasureStep> steps = new java.util.ArrayList<>(ProfileErasure.USER_COLUMNS.stream()
                .map(c -> ErasureStep.withParameters(
                        c.tableGroup(),
                        "update " + c.table() + " set " + c.column() + " = :pseudonym where " + c.column()
                                + " = :userId",
                        u -> bound))
                .toList());
        steps.add(ErasureStep.withParameters(
                "profiles",
                "update user_behavior_profile set search_patterns = '[]' where user_id = :pseudonym",
                u -> bound));
        // the snapshots are always under a pseudonym (ADR 0048): they follow the profile to its pseudonym's one
        steps.add(ErasureStep.withParameters(
                "snapshots",
                "update user_feature_snapshot set user_id = :to where user_id = :from",
                u -> Map.of(
                        "from", pseudonym(privacy.hashKey(), userId), "to", pseudonym(privacy.hashKey(), pseudonym))));
        return run(steps, userId);
    }

    private Uni<Void> run(List<ErasureStep> steps, String userId) {
        return Panache.withTransaction(() -> repository.execute(steps, userId));
    }
}
