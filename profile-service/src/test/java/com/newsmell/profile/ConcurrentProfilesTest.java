package com.newsmell.profile;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Infra;
import com.newsmell.infra.Sql;
import com.newsmell.infra.WireEvents;
import com.newsmell.profile.behavior.ProfileService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two replicas adding the same new user's events at once (a user's events reach any partition): the profile and rollup
 * rows are created race-free by their upserts, so neither transaction fails and no event is lost (ADR 0008, 0012).
 */
@QuarkusTest
@QuarkusTestResource(ProfileTestResource.class)
class ConcurrentProfilesTest {

    private static final Instant T0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);

    @Inject
    ProfileService profiles;

    @Test
    void twoReplicasCreatingTheSameProfileAtOnceBothApply() throws Exception {
        String userId = "u-" + UUID.randomUUID();
        UserInteractionEvent view = WireEvents.event(PAGE_VIEW, "s-" + UUID.randomUUID(), T0)
                .userId(userId)
                .build();
        UserInteractionEvent search = WireEvents.event(SEARCH_PERFORMED, "s-" + UUID.randomUUID(), T0.plusSeconds(1))
                .userId(userId)
                .build();
        Infra infra = Infra.shared();
        try (Connection blocker = infra.postgres().connect(infra.database(ProfileTestResource.DATABASE))) {
            // An uncommitted row holds the user's key, so both transactions reach their create at the same time.
            blocker.setAutoCommit(false);
            try (var hold = blocker.prepareStatement("insert into user_behavior_profile (user_id) values (?)")) {
                hold.setString(1, userId);
                hold.executeUpdate();
            }
            CompletableFuture<Void> first = apply(view);
            CompletableFuture<Void> second = apply(search);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Sql.count(
                                    ProfileTestResource.DATABASE,
                                    "select count(*) from pg_stat_activity"
                                            + " where datname = current_database() and wait_event_type = 'Lock'")
                            == 2);
            blocker.rollback();

            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        }

        assertThat(Sql.query(
                        ProfileTestResource.DATABASE,
                        "select event_counts::text as counts from user_day_activity where user_id = ?",
                        userId))
                .containsExactly(Map.of("counts", "{\"PAGE_VIEW\": 1, \"SEARCH_PERFORMED\": 1}"));
    }

    private CompletableFuture<Void> apply(UserInteractionEvent event) {
        return CompletableFuture.runAsync(() -> {
            try {
                VertxContextSupport.subscribeAndAwait(() -> profiles.apply(List.of(event)));
            } catch (Throwable t) {
                throw new CompletionException(t);
            }
        });
    }
}
