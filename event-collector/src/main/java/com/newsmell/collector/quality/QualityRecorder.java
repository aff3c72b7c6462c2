package com.newsmell.collector.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.Violation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Records what the data-quality view shows (issue #20) in the collector's database, so every replica adds to the
 * same rows: each rejected event (per minute, by eventType and source), each of its violations (by eventType, rule
 * and field pointer), a masked sample of its body per rule it broke (the latest {@code samples-per-rule} kept), and
 * each dead-lettered record (by consumer and reason, counted once per record). Recording never fails the caller: a
 * database outage costs the view some counts, never an ingest.
 */
@ApplicationScoped
public class QualityRecorder {

    private static final Logger LOG = Logger.getLogger(QualityRecorder.class);

    static final String ADD = "insert into quality_minute (minute, outcome, event_type, rule, field, source, consumer,"
            + " count) values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (minute, outcome, event_type, rule, field,"
            + " source, consumer) do update set count = quality_minute.count + excluded.count";
    static final String SAMPLE = "insert into quality_sample (recorded_at, rule, event_type, field, source, body)"
            + " values ($1, $2, $3, $4, $5, $6)";
    static final String CAP = "delete from quality_sample where rule = $1 and id not in"
            + " (select id from quality_sample where rule = $1 order by id desc limit $2)";
    static final String DEAD_LETTER = "with seen as (insert into quality_dead_letter_seen (topic_partition,"
            + " record_offset, seen_at) values ($1, $2, $3) on conflict do nothing returning 1)"
            + " insert into quality_minute (minute, outcome, event_type, rule, field, source, consumer, count)"
            + " select $4, 'dead_lettered', $5, $6, '', '', $7, 1 from seen on conflict (minute, outcome, event_type,"
            + " rule, field, source, consumer) do update set count = quality_minute.count + 1";

    /** Longest body kept in a sample, in characters of its masked JSON. */
    static final int MAX_SAMPLE_CHARS = 8_192;

    private final Pool pool;
    private final int samplesPerRule;

    public QualityRecorder(
            Pool pool,
            @ConfigProperty(name = "newsmell.quality.samples-per-rule", defaultValue = "20") int samplesPerRule) {
        this.pool = pool;
        this.samplesPerRule = samplesPerRule;
    }

    /** One rejected event of a request received at {@code at}: its body (may be null) and its violations. */
    public record Rejection(JsonNode body, List<Violation> violations) {}

    /** Records the rejected events; completes (with nothing) even when the database fails. */
    public Uni<Void> rejected(List<Rejection> rejections, Instant at, String source) {
        if (rejections.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime minute = minute(at);
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        List<Tuple> samples = new ArrayList<>();
        Set<String> rules = new LinkedHashSet<>();
        for (Rejection r : rejections) {
            String eventType = eventType(r.body());
            counts.merge(List.of("rejected", eventType, "", "", source), 1L, Long::sum);
            Set<String> sampled = new LinkedHashSet<>();
            for (Violation v : r.violations()) {
                counts.merge(List.of("violation", eventType, v.rule(), field(v.pointer()), source), 1L, Long::sum);
                if (sampled.add(v.rule())) {
                    samples.add(Tuple.of(
                            OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                            v.rule(),
                            eventType,
                            field(v.pointer()),
                            source,
                            body(r.body())));
                }
            }
            rules.addAll(sampled);
        }
        List<Tuple> adds = new ArrayList<>();
        counts.forEach((k, n) -> adds.add(
                Tuple.from(List.of(minute, k.get(0), k.get(1), k.get(2), k.get(3), k.get(4), "event-collector", n))));
        List<Tuple> caps =
                rules.stream().map(rule -> Tuple.of(rule, samplesPerRule)).toList();
        return pool.withTransaction(connection -> batch(connection, ADD, adds)
                        .chain(() -> batch(connection, SAMPLE, samples))
                        .chain(() -> batch(connection, CAP, caps)))
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("data-quality view: could not record %d rejections: %s", rejections.size(), failure);
                    return null;
                })
                .replaceWithVoid();
    }

    /** Records one dead-lettered record (once per partition and offset). */
    public Uni<Void> deadLettered(
            int partition, long offset, Instant at, String consumer, String reason, String eventType) {
        return pool.preparedQuery(DEAD_LETTER)
                .execute(Tuple.from(List.of(
                        partition,
                        offset,
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                        minute(at),
                        eventType,
                        reason,
                        consumer)))
                .replaceWithVoid();
    }

    private static Uni<Void> batch(SqlConnection connection, String sql, List<Tuple> tuples) {
        return tuples.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection.preparedQuery(sql).executeBatch(tuples).replaceWithVoid();
    }

    static OffsetDateTime minute(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC);
    }

    /** The contract's event type a body names, or '' when it names none or an unknown one (bounded cardinality). */
    static String eventType(JsonNode body) {
        JsonNode t = body == null ? null : body.get("eventType");
        return t != null
                        && t.isTextual()
                        && InteractionEventType.fromName(t.textValue()).isPresent()
                ? t.textValue()
                : "";
    }

    /** The field a violation names: its pointer without a batch's /events/{index} prefix, at most 128 characters. */
    static String field(String pointer) {
        String field = pointer.replaceFirst("^/events/\\d+", "");
        return field.length() <= 128 ? field : field.substring(0, 128);
    }

    static String body(JsonNode body) {
        if (body == null) {
            return "null";
        }
        String masked = SampleMasking.mask(body).toString();
        return masked.length() <= MAX_SAMPLE_CHARS ? masked : masked.substring(0, MAX_SAMPLE_CHARS) + "...(truncated)";
    }
}
