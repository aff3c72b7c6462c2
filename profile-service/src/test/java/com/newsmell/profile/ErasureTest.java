package com.newsmell.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.newsmell.contract.ErasureAck;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.infra.Erasures;
import com.newsmell.infra.Sql;
import com.newsmell.infra.WireEvents;
import com.newsmell.profile.privacy.ProfileRetention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0032, against Kafka and PostgreSQL: an erasure request deletes the user's rows in every profile table and is
 * acknowledged per table group; another user's rows stay.
 */
@QuarkusTest
@QuarkusTestResource(ProfileTestResource.class)
class ErasureTest {

    private static final String DB = ProfileTestResource.DATABASE;
    private static final String KEY = "dev-only-privacy-key";
    private static final String SNAPSHOTS = "select count(*) from user_feature_snapshot where user_id = ?";
    private static final String USER_ROWS = "select (select count(*) from user_perfume where user_id = ?)"
            + " + (select count(*) from user_day_activity where user_id = ?)"
            + " + (select count(*) from profile_pending where user_id = ?)";

    @Test
    void theUsersProfileRowsGo() {
        String user = "erase-" + UUID.randomUUID();
        String other = "keep-" + UUID.randomUUID();
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        WireEvents.publish(List.of(
                WireEvents.event(InteractionEventType.PERFUME_VIEW, "s-" + UUID.randomUUID(), at)
                        .userId(user)
                        .perfumeId("p-1")
                        .build(),
                WireEvents.event(InteractionEventType.PERFUME_VIEW, "s-" + UUID.randomUUID(), at)
                        .userId(other)
                        .perfumeId("p-1")
                        .build()));
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(DB, USER_ROWS, user, user, user) > 0);
        long othersBefore = Sql.count(DB, USER_ROWS, other, other, other);
        // feature snapshots are stored under the keyed pseudonym only (ADR 0048): the erasure finds them by it
        for (String id : List.of(user, other)) {
            Sql.query(
                    DB,
                    "insert into user_feature_snapshot (user_id, schema_version, as_of, computed_at, vector,"
                            + " account_age_days, account_age_source) values (?, 1, current_date, now(), '[]', 1,"
                            + " 'first-event')",
                    ProfileRetention.pseudonym(KEY, id));
        }

        ErasureAck ack = Erasures.awaitAck(Erasures.request(user), "profile-service");

        assertThat(ack.status()).isEqualTo(ErasureAck.DONE);
        assertThat(ack.rowsByTableGroup())
                .containsOnlyKeys(
                        "profiles",
                        "vectors",
                        "snapshots",
                        "similarity",
                        "segments",
                        "session-summaries",
                        "identity-links"); // ADR 0064: the user's links (none here)
        assertThat(Sql.count(DB, USER_ROWS, user, user, user)).isZero();
        assertThat(Sql.count(DB, USER_ROWS, other, other, other)).isEqualTo(othersBefore);
        assertThat(ack.rowsByTableGroup()).containsEntry("snapshots", 1L);
        assertThat(Sql.count(DB, SNAPSHOTS, ProfileRetention.pseudonym(KEY, user)))
                .isZero();
        assertThat(Sql.count(DB, SNAPSHOTS, ProfileRetention.pseudonym(KEY, other)))
                .isOne();
    }
}
