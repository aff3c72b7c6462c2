package com.newsmell.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import com.newsmell.infra.WireEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Redelivering the topic changes nothing, and replaying it into an empty database gives identical rows: the
 * sessions, their searches and events, and the rollups of their hour (an hour no other test uses).
 */
@QuarkusTest
@QuarkusTestResource(SessionTestResource.class)
class IdempotenceTest {

    private static final String DB = SessionTestResource.DATABASE;
    private static final Instant HOUR = Instant.now().minus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    @Test
    void redeliveryAndReplayGiveIdenticalRows() {
        List<String> sessionIds = new ArrayList<>();
        int events = 0;
        int i = 0;
        for (Scenarios.Scenario scenario : Scenarios.all()) {
            Scenarios.Ctx c = new Scenarios.Ctx("s-" + UUID.randomUUID(), HOUR.plusSeconds(60L * i++));
            sessionIds.add(c.sid());
            var all = new ArrayList<>(scenario.firstEvents(c));
            all.addAll(scenario.late().apply(c));
            Api.publish(all, false);
            events += all.size();
        }
        awaitEvents(sessionIds, events);
        Api.closeIdleSessions();
        Api.rollup();
        Map<String, List<Map<String, Object>>> original = snapshot(sessionIds);
        assertThat(original.get("user_session")).hasSize(sessionIds.size());

        List<Map.Entry<String, String>> records = TopicReader.readAll(WireEvents.interactionsTopic()).stream()
                .filter(r -> sessionIds.contains(r.key()))
                .map(r -> Map.entry(r.key(), r.value()))
                .toList();
        TopicReader.write(WireEvents.interactionsTopic(), records);
        Api.awaitConsumerCaughtUp();
        Api.closeIdleSessions();
        Api.rollup();
        assertThat(snapshot(sessionIds)).isEqualTo(original);

        emptyTheDatabaseOf(sessionIds);
        assertThat(snapshot(sessionIds).get("user_session")).isEmpty();
        TopicReader.write(WireEvents.interactionsTopic(), records);
        awaitEvents(sessionIds, events);
        Api.awaitConsumerCaughtUp();
        Api.closeIdleSessions();
        Api.rollup();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(snapshot(sessionIds)).isEqualTo(original));
    }

    private static void awaitEvents(List<String> sessionIds, int events) {
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        Sql.count(DB, "select count(*) from session_event where session_id = any(?)", array(sessionIds))
                                == events);
    }

    private static Map<String, List<Map<String, Object>>> snapshot(List<String> ids) {
        Object sessions = array(ids);
        Instant from = HOUR;
        Instant to = HOUR.plus(1, ChronoUnit.HOURS);
        return Map.of(
                "user_session",
                        Sql.query(
                                        DB,
                                        "select * from user_session where session_id = any(?) order by session_id",
                                        sessions)
                                .stream()
                                .map(IdempotenceTest::withoutUpdatedAt)
                                .toList(),
                "search_query",
                        Sql.query(
                                DB,
                                "select * from search_query where session_id = any(?) order by session_id, search_id",
                                sessions),
                "session_event",
                        Sql.query(
                                DB,
                                "select * from session_event where session_id = any(?) order by event_id",
                                sessions),
                "session_metrics_hourly",
                        Sql.query(
                                DB,
                                "select * from session_metrics_hourly where bucket >= ?::timestamptz "
                                        + "and bucket < ?::timestamptz order by 1, 2, 3",
                                from.toString(),
                                to.toString()),
                "search_query_hourly",
                        Sql.query(
                                DB,
                                "select * from search_query_hourly where bucket >= ?::timestamptz "
                                        + "and bucket < ?::timestamptz order by 1, 2, 3",
                                from.toString(),
                                to.toString()));
    }

    private static void emptyTheDatabaseOf(List<String> ids) {
        Object sessions = array(ids);
        Sql.query(
                DB,
                "delete from processed_event where event_id in (select event_id from session_event where session_id = any(?))",
                sessions);
        Sql.query(DB, "delete from session_event where session_id = any(?)", sessions);
        Sql.query(DB, "delete from search_query where session_id = any(?)", sessions);
        Sql.query(DB, "delete from user_session where session_id = any(?)", sessions);
        for (String table : List.of(
                "session_metrics_hourly",
                "search_query_hourly",
                "search_click_time_hourly",
                "search_click_position_hourly")) {
            Sql.query(
                    DB,
                    "delete from " + table + " where bucket >= ?::timestamptz and bucket < ?::timestamptz",
                    HOUR.toString(),
                    HOUR.plus(1, ChronoUnit.HOURS).toString());
        }
    }

    private static Map<String, Object> withoutUpdatedAt(Map<String, Object> row) {
        var copy = new java.util.LinkedHashMap<>(row);
        copy.remove("updated_at");
        return copy;
    }

    private static Object array(List<String> ids) {
        return ids.toArray(String[]::new);
    }
}
