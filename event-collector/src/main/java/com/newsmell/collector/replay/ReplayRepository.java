package com.newsmell.collector.replay;

import com.newsmell.contract.ReplayAck;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** replay, replay_source and replay_ack (V40). */
@ApplicationScoped
public class ReplayRepository {

    /** A replay as stored. */
    public record Replay(UUID id, String service, String topic, Instant from, Instant to, Instant requestedAt) {}

    /** Where the postgres source of a replay stands. */
    public record Position(Instant timestamp, UUID eventId, long published) {}

    private static final String REPLAY_COLUMNS =
            "select replay_id, service, topic, from_time, to_time, requested_at" + " from replay";

    @WithSession
    public Uni<Void> insert(Replay replay, List<LocalDate> archivedMonths) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into replay (replay_id, service, topic, from_time, to_time,"
                                + " requested_at) values (cast(:id as uuid), :service, :topic, :from, :to, :at)")
                        .setParameter("id", replay.id().toString())
                        .setParameter("service", replay.service())
                        .setParameter("topic", replay.topic())
                        .setParameter("from", utc(replay.from()))
                        .setParameter("to", utc(replay.to()))
                        .setParameter("at", utc(replay.requestedAt()))
                        .executeUpdate()
                        .chain(() -> s.createNativeQuery("insert into replay_source (replay_id, source)"
                                        + " values (cast(:id as uuid), 'postgres')")
                                .setParameter("id", replay.id().toString())
                                .executeUpdate())
                        .chain(() -> archivedMonths.isEmpty()
                                ? Uni.createFrom().item(0)
                                : s.createNativeQuery(
                                                "insert into replay_source (replay_id, source, months)"
                                                        + " values (cast(:id as uuid), 'parquet', cast(string_to_array(:months, ',') as date[]))")
                                        .setParameter("id", replay.id().toString())
                                        .setParameter(
                                                "months",
                                                "{"
                                                        + String.join(
                                                                ",",
                                                                archivedMonths.stream()
                                                                        .map(LocalDate::toString)
                                                                        .toList())
                                                        + "}")
                                        .executeUpdate()))
                .replaceWithVoid();
    }

    /**
     * The months of [from, to) that left PostgreSQL after being archived (their partition's tier is 'archived', ADR
     * 0030): the parquet source reads them, the postgres source the rest. Holds the advisory lock that the archive's
     * drop takes until the replay's transaction ends (V56, ADR 0059), so that no month of the range is dropped between
     * this answer and the replay's record.
     */
    @WithSession
    public Uni<List<LocalDate>> archivedMonths(Instant from, Instant to) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select cast(pg_advisory_xact_lock(hashtext('newsmell.replay-vs-archive'))"
                                        + " as text)")
                        .getResultList())
                .chain(locked -> Panache.getSession())
                .chain(s -> s.createNativeQuery(
                                "select cast(month as text) from interaction_partition_tier where tier = 'archived'"
                                        + " and month >= cast(date_trunc('month', :from at time zone 'UTC') as date)"
                                        + " and month < :to order by month",
                                String.class)
                        .setParameter("from", utc(from))
                        .setParameter("to", utc(to))
                        .getResultList())
                .map(months -> months.stream().map(LocalDate::parse).toList());
    }

    @WithSession
    public Uni<Optional<Replay>> find(UUID id) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(REPLAY_COLUMNS + " where replay_id = cast(:id as uuid)", Object[].class)
                        .setParameter("id", id.toString())
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(ReplayRepository::replay));
    }

    /** A page of replays, newest first, after the cursor's (requestedAt, replayId); limit + 1 rows. */
    @WithSession
    public Uni<List<Replay>> page(int limit, Instant afterAt, UUID afterId) {
        String where = afterAt == null ? "" : " where (requested_at, replay_id) < (:at, cast(:id as uuid))";
        return Panache.getSession()
                .chain(s -> {
                    var q = s.createNativeQuery(
                                    REPLAY_COLUMNS + where + " order by requested_at desc, replay_id desc limit :limit",
                                    Object[].class)
                            .setParameter("limit", limit + 1);
                    if (afterAt != null) {
                        q.setParameter("at", utc(afterAt)).setParameter("id", afterId.toString());
                    }
                    return q.getResultList();
                })
                .map(rows -> rows.stream().map(ReplayRepository::replay).toList());
    }

    @WithSession
    public Uni<List<ReplayView.Source>> sources(UUID id) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select source, status, published, cast(months as text), started_at, finished_at,"
                                        + " error from replay_source where replay_id = cast(:id as uuid)"
                                        + " order by source desc",
                                Object[].class)
                        .setParameter("id", id.toString())
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new ReplayView.Source(
                                (String) r[0],
                                (String) r[1],
                                ((Number) r[2]).longValue(),
                                months((String) r[3]),
                                instant(r[4]),
                                instant(r[5]),
                                (String) r[6]))
                        .toList());
    }

    @WithSession
    public Uni<ReplayView.Consumed> consumed(UUID id) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select coalesce(sum(received), 0), coalesce(sum(applied), 0), coalesce(sum(dropped), 0),"
                                        + " coalesce(sum(dead_lettered), 0) from (select received, applied, dropped,"
                                        + " dead_lettered from replay_ack where replay_id = cast(:id as uuid) union all"
                                        + " select received, applied, dropped, dead_lettered from replay_ack_partition"
                                        + " where replay_id = cast(:id as uuid)) acks",
                                Object[].class)
                        .setParameter("id", id.toString())
                        .getSingleResult())
                .map(r -> new ReplayView.Consumed(
                        ((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue()));
    }

    /**
     * Stores a service's acknowledgement of one batch: by offset when it gives each record's outcome (ADR 0059, an
     * offset counted once however a redelivery splits the batches), else once per batch; a redelivered one changes
     * nothing.
     */
    @WithSession
    public Uni<Void> insertAck(ReplayAck ack) {
        if (!ack.partitions().isEmpty()) {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ReplayAck.PartitionOutcomes p : ack.partitions()) {
                chain = chain.chain(() -> Panache.getSession()
                        .chain(s -> s.createNativeQuery("select cast(replay_ack_offsets(cast(:id as uuid), :partition,"
                                        + " :first, :outcomes) as text)")
                                .setParameter("id", ack.replayId())
                                .setParameter("partition", p.partition())
                                .setParameter("first", p.first())
                                .setParameter("outcomes", p.outcomes())
                                .getResultList())
                        .replaceWithVoid());
            }
            return chain;
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into replay_ack (replay_id, batch, received, applied, dropped,"
                                + " dead_lettered) select cast(:id as uuid), :batch, :received, :applied, :dropped,"
                                + " :dead where exists (select 1 from replay where replay_id = cast(:id as uuid))"
                                + " on conflict do nothing")
                        .setParameter("id", ack.replayId())
                        .setParameter("batch", ack.batch() == null ? "" : ack.batch())
                        .setParameter("received", ack.received())
                        .setParameter("applied", ack.applied())
                        .setParameter("dropped", ack.dropped())
                        .setParameter("dead", ack.deadLettered())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The postgres source's position: where the next page starts (null before the first) and what it published. */
    @WithSession
    public Uni<Position> startPostgres(UUID id) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "update replay_source set status = 'running', started_at = coalesce(started_at, now())"
                                        + " where replay_id = cast(:id as uuid) and source = 'postgres'"
                                        + " returning cursor_time, cast(cursor_event_id as text), published",
                                Object[].class)
                        .setParameter("id", id.toString())
                        .getSingleResult())
                .map(r -> new Position(
                        instant(r[0]),
                        r[1] == null ? null : UUID.fromString((String) r[1]),
                        ((Number) r[2]).longValue()));
    }

    /** Records a published (and acknowledged) page: the cursor after it and the count so far. */
    @WithSession
    public Uni<Void> advancePostgres(UUID id, Position position) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("update replay_source set cursor_time = :at, cursor_event_id ="
                                + " cast(:event as uuid), published = :published where replay_id = cast(:id as uuid)"
                                + " and source = 'postgres'")
                        .setParameter("at", utc(position.timestamp()))
                        .setParameter("event", position.eventId().toString())
                        .setParameter("published", position.published())
                        .setParameter("id", id.toString())
                        .executeUpdate())
                .replaceWithVoid();
    }

    @WithSession
    public Uni<Void> finishPostgres(UUID id, String error) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("update replay_source set status = :status, error = :error,"
                                + " finished_at = now() where replay_id = cast(:id as uuid) and source = 'postgres'")
                        .setParameter("status", error == null ? "done" : "failed")
                        .setParameter("error", error)
                        .setParameter("id", id.toString())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The replays whose postgres source did not finish (the collector stopped while publishing): resumed at start. */
    @WithSession
    public Uni<List<Replay>> unfinishedPostgres() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                REPLAY_COLUMNS + " where replay_id in (select replay_id from replay_source where source"
                                        + " = 'postgres' and status in ('pending', 'running'))",
                                Object[].class)
                        .getResultList())
                .map(rows -> rows.stream().map(ReplayRepository::replay).toList());
    }

    private static Replay replay(Object[] r) {
        return new Replay(
                r[0] instanceof UUID u ? u : UUID.fromString(r[0].toString()),
                (String) r[1],
                (String) r[2],
                instant(r[3]),
                instant(r[4]),
                instant(r[5]));
    }

    private static List<LocalDate> months(String array) {
        String inner = array == null ? "" : array.replace("{", "").replace("}", "");
        return inner.isBlank()
                ? List.of()
                : Arrays.stream(inner.split(",")).map(LocalDate::parse).toList();
    }

    /** A timestamp column as Hibernate Reactive hands it back, as an instant. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Date d) {
            return d.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return Instant.from((TemporalAccessor) value);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
