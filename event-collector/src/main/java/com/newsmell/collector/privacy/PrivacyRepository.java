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

    /** A request as stored. */
    public record Request(UUID requestId, Instant requestedAt) {}

    /** One acknowledged table group. */
    public record Ack(String service, String tableGroup, String status, long rows, Instant completedAt, String error) {}

    @WithSession
    public Uni<Void> insertRequest(UUID id, String userHash, String userId, Instant at) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into privacy_request (request_id, user_hash, requested_at)"
                                + " values (cast(:id as uuid), :hash, :at)")
                        .setParameter("id", id.toString())
                        .setParameter("hash", userHash)
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

    @WithSession
    public Uni<Void> markPublished(UUID id) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "update privacy_request set published_at = now() where request_id = cast(:id as uuid)")
                        .setParameter("id", id.toString())
                        .executeUpdate())
                .replaceWithVoid();
    }

    @WithSession
    public Uni<Optional<Request>> find(UUID id) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select requested_at from privacy_request where request_id = cast(:id as uuid)",
                                OffsetDateTime.class)
                        .setParameter("id", id.toString())
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(at -> new Request(id, at.toInstant())));
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
                                + " rows = excluded.rows, completed_at = excluded.completed_at, error = excluded.error")
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

    /** Requests not yet acknowledged as done (every table group) by each of {@code services}. */
    @WithSession
    public Uni<Long> openRequests(List<String> services) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select count(*) from privacy_request r where (select count(*) from (select a.service"
                                        + " from privacy_ack a where a.request_id = r.request_id and a.service in"
                                        + " (:services) group by a.service having bool_and(a.status = 'done')) d)"
                                        + " < :expected",
                                Long.class)
                        .setParameter("services", services)
                        .setParameter("expected", (long) services.size())
                        .getSingleResult());
    }

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
