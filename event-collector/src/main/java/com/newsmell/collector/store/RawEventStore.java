package com.newsmell.collector.store;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.toolkit.api.TrafficSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes events into the partitioned raw store, set-based, in one statement per batch (ADR 0071): the batch's columns
 * go as {@code unnest} arrays; a data-modifying CTE claims the eventIds in {@code raw_event_key} (so the same eventId
 * is stored once, whatever its timestamp or partition) and the insert takes only the claimed rows. One statement is
 * one transaction: the claims and the rows commit together or not at all, with one round trip instead of four (begin,
 * claim, insert, commit). The rows go in eventId order, so that two batches claiming the same eventIds at once (two
 * consumers of different partitions) take their key locks in the same order and cannot deadlock. The {@code source}
 * column (ADR 0015's source dimension) is computed here, once, from the referrer with the toolkit's
 * {@link TrafficSource} rule.
 */
@ApplicationScoped
public class RawEventStore {

    static final String STORE = "with t as (select * from unnest($1::uuid[], $2::int[], $3::text[], $4::text[],"
            + " $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[],"
            + " $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[],"
            + " $19::bool[], $20::text[], $21::text[], $22::text[], $23::text[], $24::text[], $25::text[], $26::int[],"
            + " $27::float8[], $28::float8[], $29::float8[], $30::text[], $31::text[], $32::text[])"
            + " as t(event_id, schema_version, user_id, session_id, event_type, event_category, ts, client_ts, sent_at,"
            + " received_at, perfume_id, house_id, note_id, recommendation_id, event_data, device_type, browser, os,"
            + " is_bot, bot_reason, user_agent, referrer, path, ip_prefix, location, duration, value,"
            + " page_scroll_position, time_on_page, source, schema_version_sent, anonymous_id)),"
            + " claimed as (insert into raw_event_key (event_id, timestamp) select event_id, ts from t"
            + " on conflict do nothing returning event_id)"
            + " insert into user_interaction_event (event_id, schema_version, user_id, session_id, event_type,"
            + " event_category, timestamp, client_timestamp, sent_at, received_at, perfume_id, house_id, note_id,"
            + " recommendation_id, event_data, device_type, browser, os, is_bot, bot_reason, user_agent, referrer, path,"
            + " ip_prefix, location, duration, value, page_scroll_position, time_on_page, source, schema_version_sent,"
            + " anonymous_id)"
            + " select t.event_id, t.schema_version, t.user_id, t.session_id, t.event_type, t.event_category, t.ts,"
            + " t.client_ts, t.sent_at, t.received_at, t.perfume_id, t.house_id, t.note_id, t.recommendation_id,"
            + " t.event_data::jsonb, t.device_type, t.browser, t.os, t.is_bot, t.bot_reason, t.user_agent, t.referrer,"
            + " t.path, t.ip_prefix, t.location, t.duration, t.value, t.page_scroll_position, t.time_on_page, t.source,"
            + " t.schema_version_sent, t.anonymous_id from t join claimed using (event_id)";

    private final Pool pool;

    public RawEventStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores the events not stored before; returns how many rows were new. */
    public Uni<Integer> store(List<UserInteractionEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        SortedMap<UUID, UserInteractionEvent> unique = firstPerEventId(events);
        return pool.preparedQuery(STORE)
                .execute(columns(unique.keySet().toArray(UUID[]::new), List.copyOf(unique.values())))
                .map(result -> result.rowCount());
    }

    /**
     * The batch's events by eventId, in eventId order (the claims' lock order); of a repeated eventId (a redelivery)
     * the first in the batch is kept.
     */
    static SortedMap<UUID, UserInteractionEvent> firstPerEventId(List<UserInteractionEvent> events) {
        SortedMap<UUID, UserInteractionEvent> unique = new TreeMap<>();
        events.forEach(e -> unique.putIfAbsent(UUID.fromString(e.eventId()), e));
        return unique;
    }

    /** The statement's 32 column arrays: the eventIds (parsed once, by {@link #firstPerEventId}), then the events'. */
    private static Tuple columns(UUID[] eventIds, List<UserInteractionEvent> events) {
        List<Object> columns = new ArrayList<>(32);
        columns.add(eventIds);
        columns.add(events.stream().map(UserInteractionEvent::schemaVersion).toArray(Integer[]::new));
        columns.add(strings(events, UserInteractionEvent::userId));
        columns.add(strings(events, UserInteractionEvent::sessionId));
        columns.add(strings(events, e -> e.eventType().name()));
        columns.add(strings(events, e -> e.eventCategory().name()));
        columns.add(times(events, UserInteractionEvent::timestamp));
        columns.add(times(events, UserInteractionEvent::clientTimestamp));
        columns.add(times(events, UserInteractionEvent::sentAt));
        columns.add(times(events, UserInteractionEvent::receivedAt));
        columns.add(strings(events, UserInteractionEvent::perfumeId));
        columns.add(strings(events, UserInteractionEvent::houseId));
        columns.add(strings(events, UserInteractionEvent::noteId));
        columns.add(strings(events, UserInteractionEvent::recommendationId));
        columns.add(strings(events, e -> e.eventData().toString()));
        columns.add(strings(events, UserInteractionEvent::deviceType));
        columns.add(strings(events, UserInteractionEvent::browser));
        columns.add(strings(events, UserInteractionEvent::os));
        columns.add(events.stream().map(UserInteractionEvent::isBot).toArray(Boolean[]::new));
        columns.add(strings(events, UserInteractionEvent::botReason));
        columns.add(strings(events, UserInteractionEvent::userAgent));
        columns.add(strings(events, UserInteractionEvent::referrer));
        columns.add(strings(events, UserInteractionEvent::path));
        columns.add(strings(events, UserInteractionEvent::ipPrefix));
        columns.add(strings(events, UserInteractionEvent::location));
        columns.add(events.stream().map(UserInteractionEvent::duration).toArray(Integer[]::new));
        columns.add(events.stream().map(UserInteractionEvent::value).toArray(Double[]::new));
        columns.add(
                events.stream().map(UserInteractionEvent::pageScrollPosition).toArray(Double[]::new));
        columns.add(events.stream().map(UserInteractionEvent::timeOnPage).toArray(Double[]::new));
        columns.add(strings(events, e -> TrafficSource.of(e.referrer())));
        columns.add(strings(events, UserInteractionEvent::schemaVersionSent));
        columns.add(strings(events, UserInteractionEvent::anonymousId));
        return Tuple.wrap(columns);
    }

    private static String[] strings(
            List<UserInteractionEvent> events, java.util.function.Function<UserInteractionEvent, String> f) {
        return events.stream().map(f).toArray(String[]::new);
    }

    private static OffsetDateTime[] times(
            List<UserInteractionEvent> events, java.util.function.Function<UserInteractionEvent, Instant> f) {
        return events.stream().map(f).map(RawEventStore::utc).toArray(OffsetDateTime[]::new);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
