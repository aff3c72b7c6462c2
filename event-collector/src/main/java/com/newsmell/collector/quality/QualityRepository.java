package com.newsmell.collector.quality;

import com.newsmell.toolkit.api.TimeWindow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data-quality view's tables (issue #20, ADR 0041), native SQL: the per-minute rollup, the samples, the dead
 * letters already counted; and its reads, per UTC hour, with the accepted events counted in the raw store. Writes run
 * in the caller's transaction.
 */
@ApplicationScoped
public class QualityRepository {

    /** One hour's count of one outcome for one value of the grouping. */
    public record Count(Instant hour, String outcome, String value, long count) {}

    /** One sample, newest first. */
    public record Sample(long id, Instant recordedAt, String rule, String eventType, String field, String body) {}

    /** One row to add to the rollup. */
    public record Increment(
            Instant minute, String outcome, String eventType, String rule, String field, String source, long count) {}

    static final String ADD = "insert into quality_minute (minute, outcome, event_type, rule, field, source, consumer,"
            + " count) values (:minute, :outcome, :eventType, :rule, :field, :source, 'event-collector', :count)"
            + " on conflict (minute, outcome, event_type, rule, field, source, consumer) do update"
            + " set count = quality_minute.count + excluded.count";
    static final String SAMPLE = "insert into quality_sample (recorded_at, rule, event_type, field, source, body)"
            + " values (:at, :rule, :eventType, :field, :source, :body)";
    static final String CAP = "delete from quality_sample where rule = :rule and id not in"
            + " (select id from quality_sample where rule = :rule order by id desc limit :keep)";
    static final String DEAD_LETTER = "with seen as (insert into quality_dead_letter_seen (topic_partition,"
            + " record_offset, seen_at) values (:partition, :offset, :at) on conflict do nothing returning 1)"
            + " insert into quality_minute (minute, outcome, event_type, rule, field, source, consumer, count)"
            + " select :minute, 'dead_lettered', :eventType, :reason, '', '', :consumer, 1 from seen"
            + " on conflict (minute, outcome, event_type, rule, field, source, consumer) do update"
            + " set count = quality_minute.count + 1";

    /** Adds the increments to the rollup. */
    public Uni<Void> add(List<Increment> increments) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Increment i : increments) {
            chain = chain.chain(() -> update(
                    ADD,
                    Map.of(
                            "minute", utc(i.minute()),
                            "outcome", i.outcome(),
                            "eventType", i.eventType(),
                            "rule", i.rule(),
                            "field", i.field(),
                            "source", i.source(),
                            "count", i.count())));
        }
        return chain;
    }

    /** Adds a sample and keeps only the latest {@code keep} of its rule. */
    public Uni<Void> sample(
            Instant at, String rule, String eventType, String field, String source, String body, int keep) {
        return update(
                        SAMPLE,
                        Map.of(
                                "at", utc(at),
                                "rule", rule,
                                "eventType", eventType,
                                "field", field,
                                "source", source,
                                "body", body))
                .chain(() -> update(CAP, Map.of("rule", rule, "keep", keep)));
    }

    /** Counts one dead-lettered record, unless its (partition, offset) was counted before. */
    public Uni<Void> deadLettered(
            int partition, long offset, Instant at, String consumer, String reason, String eventType) {
        return update(
                DEAD_LETTER,
                Map.of(
                        "partition", partition,
                        "offset", offset,
                        "at", utc(at),
                        "minute", utc(at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)),
                        "eventType", eventType,
                        "reason", reason,
                        "consumer", consumer));
    }

    /** Removes samples and seen dead letters older than {@code samplesBefore}, counts older than {@code countsBefore}. */
    public Uni<Void> expire(Instant samplesBefore, Instant countsBefore) {
        return update("delete from quality_sample where recorded_at < :before", Map.of("before", utc(samplesBefore)))
                .chain(() -> update(
                        "delete from quality_dead_letter_seen where seen_at < :before",
                        Map.of("before", utc(samplesBefore))))
                .chain(() -> update(
                        "delete from quality_minute where minute < :before", Map.of("before", utc(countsBefore))));
    }

    /** The counts of the window, per hour, by {@code groupBy} (null: no grouping, the value ''). */
    @WithSession
    public Uni<List<Count>> counts(TimeWindow window, QualityGroup groupBy) {
        Map<String, Object> range = Map.of("from", utc(window.from()), "to", utc(window.to()));
        String rejected = groupBy == QualityGroup.RULE || groupBy == QualityGroup.FIELD ? "violation" : "rejected";
        String column = groupBy == null ? "''" : groupBy.column;
        String rollup = "select extract(epoch from date_trunc('hour', minute))::bigint, case outcome when"
                + " 'dead_lettered' then 'deadLettered' else 'rejected' end, " + column + ", sum(count)"
                + " from quality_minute where minute >= :from and minute < :to and outcome in ('" + rejected
                + "', 'dead_lettered') group by 1, 2, 3";
        String accepted = "select extract(epoch from date_trunc('hour', timestamp))::bigint, 'accepted', "
                + (groupBy == null ? "''" : groupBy.acceptedColumn)
                + ", count(*) from user_interaction_event where timestamp >= :from and timestamp < :to"
                + " group by 1, 2, 3";
        return rows(rollup, range)
                .chain(first -> rows(accepted, range).map(second -> {
                    List<Count> out = new ArrayList<>();
                    first.forEach(row -> out.add(count(row)));
                    second.forEach(row -> out.add(count(row)));
                    return out;
                }));
    }

    /** The latest samples, of one rule and / or event type when given, newest first. */
    @WithSession
    public Uni<List<Sample>> samples(String rule, String eventType, int limit) {
        String sql = "select id, (extract(epoch from recorded_at) * 1000)::bigint, rule, event_type, field, body"
                + " from quality_sample where (cast(:rule as text) is null or rule = :rule)"
                + " and (cast(:eventType as text) is null or event_type = :eventType) order by id desc limit :limit";
        java.util.HashMap<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("rule", rule);
        parameters.put("eventType", eventType);
        parameters.put("limit", limit);
        return rows(sql, parameters)
                .map(rows -> rows.stream()
                        .map(r -> new Sample(
                                ((Number) r[0]).longValue(),
                                Instant.ofEpochMilli(((Number) r[1]).longValue()),
                                (String) r[2],
                                (String) r[3],
                                (String) r[4],
                                (String) r[5]))
                        .toList());
    }

    private static Uni<List<Object[]>> rows(String sql, Map<String, Object> parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    private static Uni<Void> update(String sql, Map<String, Object> parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            return query.executeUpdate().replaceWithVoid();
        });
    }

    private static Count count(Object[] row) {
        return new Count(
                Instant.ofEpochSecond(((Number) row[0]).longValue()),
                (String) row[1],
                (String) row[2],
                ((Number) row[3]).longValue());
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
