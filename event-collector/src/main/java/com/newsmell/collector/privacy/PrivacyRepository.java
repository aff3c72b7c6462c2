package com.newsmell.collector.privacy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** privacy_request, privacy_ack, archive_erasure_pending and suppressed_event_count (V13). */
@ApplicationScoped
public class PrivacyRepository {

    /**
     * A request as stored: its publications so far, the last one's time and the next one's (null: no more, every
     * service acknowledged done or the attempts are used up).
     */
    public record Request(
            UUID requestId, Instant requestedAt, int attempts, Instant lastAttemptAt, Instant nextAttemptAt) {}

    /** A request due for re-publication. */
    public record Due(UUID requestId, String userId, Instant requestedAt, int attempts) {}

    /** One acknowledged table group. */
    public record Ack(String service, String tableGroup, String status, long rows, Instant completedAt, String error) {}

    @WithSession
    public Uni<Void> insertRequest(UUID id, String userHash, String userId, Instant at) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into privacy_request (request_id, user_hash, requested_at,"
                                + " retry_user_id) values (cast(:id as uuid), :hash, :at, :user)")
                        .setParameter("id", id.toString())
                        .setParameter("hash", userHash)
                        .setParameter("user", userId)
                        .setParameter("at", utc(at))
                        .executeUpdate()
                        .chain(() -> s.createNativeQuery("insert into archive_erasure_pending (request_id, user_id,"
                                        + " requested_at) values (cast(:id as uuid), :user, :at)")
                                .setParameter("id", id.toString())
                                .setParameter("user", userId)
                                .setParameter("at", utc(at))
                                .executeUpdate())
                        .chain(() -> s.createNativeQuery(
                                        "insert into erased_user (user_hash) values (:hash) on conflict do nothing")
                                .setParameter("hash", userHash)
                                .executeUpdate()))
                .replaceWithVoid();
    }

    /** Records a publication: the {@code attempts}-th, at {@code at}; the next one due at {@code next} (or none). */
    @WithSession
    public Uni<Void> markPublished(UUID id, int attempts, Instant at, Optional<Instant> next) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("update privacy_request set published_at = coalesce(published_at, :at),"
                                + " attempts = :attempts, last_attempt_at = :at, next_attempt_at = cast(:next as"
                                + " timestamptz) where request_id = cast(:id as uuid)")
                        .setParameter("id", id.toString())
                        .setParameter("attempts", attempts)
                        .setParameter("at", utc(at))
                        .setParameter("next", next.map(PrivacyRepository::utc).orElse(null))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** No more publications: every service acknowledged done. The user id the re-publication needed goes. */
    @WithSession
    public Uni<Void> settle(UUID id) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("update privacy_request set next_attempt_at = null,"
                                + " retry_user_id = null where request_id = cast(:id as uuid)")
                        .setParameter("id", id.toString())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The requests whose next publication is due at {@code clock}, oldest first. */
    @WithSession
    public Uni<List<Due>> due(Instant clock, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select cast(request_id as text), retry_user_id, requested_at, attempts"
                                        + " from privacy_request where next_attempt_at <= :clock and retry_user_id is"
                                        + " not null order by next_attempt_at limit :limit",
                                Object[].class)
                        .setParameter("clock", utc(clock))
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Due(
                                UUID.fromString((String) r[0]),
                                (String) r[1],
                                ((OffsetDateTime) r[2]).toInstant(),
                                ((Number) r[3]).intValue()))
                        .toList());
    }

    @WithSession
    public Uni<Optional<Request>> find(UUID id) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select requested_at, attempts, last_attempt_at, next_attempt_at from privacy_request"
                                        + " where request_id = cast(:id as uuid)",
                                Object[].class)
                        .setParameter("id", id.toString())
                        .getResultList())
                .map(rows -> rows.stream()
                        .findFirst()
                        .map(r -> new Request(
                                id,
                                ((OffsetDateTime) r[0]).toInstant(),
                                ((Number) r[1]).intValue(),
                                instant(r[2]),
                                instant(r[3]))));
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((OffsetDateTime) value).toInstant();
    }

    @WithSession
    public Uni<List<Ack>> acks(UUID id) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select service, table_group, status, rows, completed_at, error from privacy_ack"
                                        + " where request_id = cast(:id as uuid) order by service, table_group",
                                Object[].class)
                        .setParameter("id", id.toString())
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Ack(
                                (String) r[0],
                                (String) r[1],
                                (String) r[2],
                                ((Number) r[3]).longValue(),
                                ((OffsetDateTime) r[4]).toInstant(),
                                (String) r[5]))
                        .toList());
    }

    @WithSession
    public Uni<Void> upsertAck(UUID id, Ack ack) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into privacy_ack (request_id, service, table_group, status,"
                                + " rows, completed_at, error) values (cast(:id as uuid), :service, :group, :status, :rows, :at, cast(:error as text))"
                                + " on conflict (request_id, service, table_group) do update set status = excluded.status,"
                                + " rows = excluded.rows, completed_at = excluded.completed_at, error = excluded.error"
                                // a group done stays as first acknowledged: a re-published request finds 0 rows
                                + " where privacy_ack.status <> 'done'")
                        .setParameter("id", id.toString())
                        .setParameter("service", ack.service())
                        .setParameter("group", ack.tableGroup())
                        .setParameter("status", ack.status())
                        .setParameter("rows", ack.rows())
                        .setParameter("at", utc(ack.completedAt()))
                        .setParameter("error", ack.error())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Drops a service's failed table groups of the request: it has since acknowledged done. */
    @WithSession
    public Uni<Void> clearFailures(UUID id, String service) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("delete from privacy_ack where request_id = cast(:id as uuid)"
                                + " and service = :service and status <> 'done'")
                        .setParameter("id", id.toString())
                        .setParameter("service", service)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Requests not yet acknowledged as done (every table group) by each of {@code services}. */
    @WithSession
    public Uni<OpenRequests> openRequests(List<String> services, List<String> onKafka, int maxAttempts) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select count(*), count(*) filter (where r.attempts >= :max and exists (select 1 from"
                                        + " unnest(cast(string_to_array(:onKafka, ',') as text[])) k(service) where"
                                        + " k.service <> '' and not exists (select 1 from privacy_ack a where"
                                        + " a.request_id = r.request_id and a.service = k.service group by a.service"
                                        + " having bool_and(a.status = 'done')))) from privacy_request r where (select"
                                        + " count(*) from (select a.service from privacy_ack a where a.request_id ="
                                        + " r.request_id and a.service in (:services) group by a.service having"
                                        + " bool_and(a.status = 'done')) d) < :expected",
                                Object[].class)
                        .setParameter("services", services)
                        .setParameter("expected", (long) services.size())
                        .setParameter("onKafka", String.join(",", onKafka))
                        .setParameter("max", maxAttempts)
                        .getSingleResult())
                .map(r -> new OpenRequests(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
    }

    /**
     * Erasure requests not done: all of them, and the stalled ones: every publication used up and a service that reads
     * privacy-requests still not done (an operator must act; event-archiver, which acknowledges after its daily run,
     * is watched by the archiver's own alerts).
     */
    public record OpenRequests(long open, long stalled) {}

    @WithSession
    public Uni<Void> countSuppressed(String userHash, long events) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into suppressed_event_count (user_hash, day, events)"
                                + " values (:hash, current_date, :n) on conflict (user_hash, day)"
                                + " do update set events = suppressed_event_count.events + excluded.events")
                        .setParameter("hash", userHash)
                        .setParameter("n", events)
                        .executeUpdate())
                .replaceWithVoid();
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
