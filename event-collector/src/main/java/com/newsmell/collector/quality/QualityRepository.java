package com.newsmell.collector.quality;

import com.newsmell.toolkit.api.TimeWindow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The data-quality view's reads (issue #20): per UTC hour of the window, the accepted events (from the raw store) and
 * the rejected and dead-lettered counts (from the per-minute rollup), by the value of one dimension.
 */
@ApplicationScoped
public class QualityRepository {

    /** One hour's count of one outcome for one value of the grouping. */
    public record Count(Instant hour, String outcome, String value, long count) {}

    /** One sample, newest first. */
    public record Sample(long id, Instant recordedAt, String rule, String eventType, String field, String body) {}

    private final Pool pool;

    public QualityRepository(Pool pool) {
        this.pool = pool;
    }

    /** The counts of the window, per hour, by {@code groupBy} (null: no grouping, the value ''). */
    public Uni<List<Count>> counts(TimeWindow window, QualityGroup groupBy) {
        Tuple range = Tuple.of(utc(window.from()), utc(window.to()));
        String rejected = groupBy == QualityGroup.RULE || groupBy == QualityGroup.FIELD ? "violation" : "rejected";
        String column = groupBy == null ? "''" : groupBy.column;
        String rollup = "select date_trunc('hour', minute), case outcome when 'dead_lettered' then 'deadLettered'"
                + " else 'rejected' end, " + column + ", sum(count) from quality_minute where minute >= $1"
                + " and minute < $2 and outcome in ('" + rejected + "', 'dead_lettered') group by 1, 2, 3";
        String accepted = "select date_trunc('hour', timestamp), 'accepted', "
                + (groupBy == null ? "''" : groupBy.acceptedColumn)
                + ", count(*) from user_interaction_event where timestamp >= $1 and timestamp < $2 group by 1, 2, 3";
        return pool.preparedQuery(rollup)
                .execute(range)
                .chain(first -> pool.preparedQuery(accepted).execute(range).map(second -> {
                    List<Count> out = new ArrayList<>();
                    first.forEach(row -> out.add(count(row)));
                    second.forEach(row -> out.add(count(row)));
                    return out;
                }));
    }

    /** The latest samples, of one rule and / or event type when given, newest first. */
    public Uni<List<Sample>> samples(String rule, String eventType, int limit) {
        String sql = "select id, recorded_at, rule, event_type, field, body from quality_sample where ($1::text is null"
                + " or rule = $1) and ($2::text is null or event_type = $2) order by id desc limit $3";
        return pool.preparedQuery(sql).execute(Tuple.of(rule, eventType, limit)).map(rows -> {
            List<Sample> out = new ArrayList<>();
            rows.forEach(r -> out.add(new Sample(
                    r.getLong(0),
                    r.getOffsetDateTime(1).toInstant(),
                    r.getString(2),
                    r.getString(3),
                    r.getString(4),
                    r.getString(5))));
            return out;
        });
    }

    /** Removes samples and seen dead letters older than {@code samplesBefore}, counts older than {@code countsBefore}. */
    public Uni<Void> expire(Instant samplesBefore, Instant countsBefore) {
        return pool.withTransaction(c -> c.preparedQuery("delete from quality_sample where recorded_at < $1")
                .execute(Tuple.of(utc(samplesBefore)))
                .chain(() -> c.preparedQuery("delete from quality_dead_letter_seen where seen_at < $1")
                        .execute(Tuple.of(utc(samplesBefore))))
                .chain(() -> c.preparedQuery("delete from quality_minute where minute < $1")
                        .execute(Tuple.of(utc(countsBefore))))
                .replaceWithVoid());
    }

    private static Count count(Row row) {
        Object hour = row.getValue(0);
        Instant h = hour instanceof OffsetDateTime o
                ? o.toInstant()
                : ((java.time.LocalDateTime) hour).toInstant(ZoneOffset.UTC);
        return new Count(
                h, row.getString(1), row.getString(2), row.getNumeric(3).longValue());
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
