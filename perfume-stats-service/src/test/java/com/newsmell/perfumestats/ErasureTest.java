package com.newsmell.perfumestats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.newsmell.contract.ErasureAck;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.infra.Erasures;
import com.newsmell.infra.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0032, against Kafka and PostgreSQL: an erasure request deletes the user's list memberships and ratings and is
 * acknowledged; another user's stay, and the perfume's counts stay as anonymous totals.
 */
@QuarkusTest
@QuarkusTestResource(PerfumeStatsTestResource.class)
class ErasureTest {

    private static final String DB = PerfumeStatsTestResource.DATABASE;

    @Test
    void membershipsAndRatingsOfTheUserGo() {
        String user = "erase-" + UUID.randomUUID();
        String other = "keep-" + UUID.randomUUID();
        String perfume = Events.perfume();
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        Events.publish(
                new Events(user).simple(InteractionEventType.WISHLIST_ADD, perfume, at),
                new Events(other).simple(InteractionEventType.WISHLIST_ADD, perfume, at));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Sql.count(DB, "select count(*) from membership where perfume_id = ?", perfume) == 2);

        ErasureAck ack = Erasures.awaitAck(Erasures.request(user), "perfume-stats-service");

        assertThat(ack.status()).isEqualTo(ErasureAck.DONE);
        assertThat(ack.rowsByTableGroup()).containsEntry("memberships", 1L).containsEntry("ratings", 0L);
        assertThat(Sql.count(DB, "select count(*) from membership where user_key = ?", user))
                .isZero();
        assertThat(Sql.count(DB, "select count(*) from membership where user_key = ?", other))
                .isOne();
    }
}
