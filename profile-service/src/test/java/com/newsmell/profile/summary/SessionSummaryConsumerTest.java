package com.newsmell.profile.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.newsmell.contract.DeadLetterHeaders;
import com.newsmell.contract.SessionSummary;
import com.newsmell.infra.ConsumerChecks;
import com.newsmell.infra.Infra;
import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import com.newsmell.profile.ProfileTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #11, ADR 0017: profile-service keeps the highest revision of each session's summary, from the compacted
 * session-summaries topic, against the real broker and database: a re-sent summary changes nothing, a higher revision
 * replaces, a record it cannot process is dead-lettered with its reason.
 */
@QuarkusTest
@QuarkusTestResource(ProfileTestResource.class)
class SessionSummaryConsumerTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    static SessionSummary summary(String sessionId, String userId, int pageViews, long revision) {
        return new SessionSummary(
                sessionId,
                userId,
                START,
                START.plusSeconds(60L * pageViews),
                60L * pageViews,
                pageViews,
                1,
                0,
                pageViews == 1,
                false,
                "mobile",
                revision);
    }

    private static void write(String key, String... values) {
        List<Map.Entry<String, String>> records = new java.util.ArrayList<>();
        for (String value : values) {
            records.add(new SimpleEntry<>(key, value));
        }
        TopicReader.write(Infra.shared().topic(ServiceConfig.SESSION_SUMMARIES), records);
    }

    private static List<Map<String, Object>> row(String sessionId) {
        return Sql.query(
                ProfileTestResource.DATABASE,
                "select revision, user_id, page_views, duration_seconds, bounced, device_type,"
                        + " extract(epoch from updated_at) as updated from session_summary where session_id = ?",
                sessionId);
    }

    private static void awaitMarker() {
        String marker = "s-" + UUID.randomUUID();
        write(marker, summary(marker, null, 1, 1).toJson());
        await().atMost(Duration.ofSeconds(30)).until(() -> row(marker).size() == 1);
    }

    @Test
    void aReSentSummaryChangesNothingAndAHigherRevisionReplaces() {
        String id = "s-" + UUID.randomUUID();
        write(id, summary(id, "u-1", 2, 1).toJson());
        await().atMost(Duration.ofSeconds(30)).until(() -> row(id).size() == 1);
        Object storedAt = row(id).get(0).get("updated");

        // The same revision again (a re-sent summary), then an older one: nothing changes.
        write(id, summary(id, "u-1", 2, 1).toJson(), summary(id, "u-1", 9, 1).toJson());
        awaitMarker();
        Map<String, Object> same = row(id).get(0);
        assertThat(((Number) same.get("revision")).longValue()).isEqualTo(1);
        assertThat(((Number) same.get("page_views")).intValue()).isEqualTo(2);
        assertThat(same.get("updated")).isEqualTo(storedAt);

        // A higher revision replaces; a late lower one after it is ignored.
        write(id, summary(id, "u-1", 3, 2).toJson(), summary(id, "u-1", 5, 1).toJson());
        awaitMarker();
        Map<String, Object> replaced = row(id).get(0);
        assertThat(((Number) replaced.get("revision")).longValue()).isEqualTo(2);
        assertThat(((Number) replaced.get("page_views")).intValue()).isEqualTo(3);
        assertThat(((Number) replaced.get("duration_seconds")).longValue()).isEqualTo(180);
        assertThat(replaced.get("user_id")).isEqualTo("u-1");
        assertThat(replaced.get("device_type")).isEqualTo("mobile");
        assertThat(replaced.get("bounced")).isEqualTo(false);
    }

    @Test
    void anAnonymousSessionIsStoredWithoutAUser() {
        String id = "s-" + UUID.randomUUID();
        write(id, summary(id, null, 1, 1).toJson());
        await().atMost(Duration.ofSeconds(30)).until(() -> row(id).size() == 1);
        assertThat(row(id).get(0).get("user_id")).isNull();
        assertThat(row(id).get(0).get("bounced")).isEqualTo(true);
    }

    @Test
    void aRecordItCannotProcessIsDeadLetteredWithItsReason() {
        String id = "s-" + UUID.randomUUID();
        write(id, "not json " + id, summary(id, "u", 1, 0).toJson());
        write("another-key", summary(id, "u", 1, 1).toJson());

        List<TopicReader.Read> dead = ConsumerChecks.awaitDeadLetters(id, SessionSummaryConsumer.SOURCE, 3);
        assertThat(dead)
                .extracting(r -> r.headers().get(DeadLetterHeaders.REASON))
                .anySatisfy(reason -> assertThat(reason).contains("not JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("revision must be >= 1"))
                .anySatisfy(reason -> assertThat(reason).contains("key is not its sessionId"));
        assertThat(row(id)).isEmpty();
    }
}
