package com.newsmell.recommendation.training;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** training_export: each export versioned, the newest kept. */
@ApplicationScoped
public class TrainingExportRepository {

    /** An export's description (without its body). */
    public record Export(long version, Instant from, Instant to, Instant createdAt, long rows, String sha256) {}

    /** Stores an export; returns its version. */
    public Uni<Long> insert(Instant from, Instant to, Instant now, long rows, String sha256, String body) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "insert into training_export (range_from, range_to, created_at, rows, sha256, body)"
                                        + " values (cast(:from as timestamptz), cast(:to as timestamptz), cast(:now as"
                                        + " timestamptz), :rows, :sha, :body) returning version",
                                Long.class)
                        .setParameter("from", from.atOffset(ZoneOffset.UTC))
                        .setParameter("to", to.atOffset(ZoneOffset.UTC))
                        .setParameter("now", now.atOffset(ZoneOffset.UTC))
                        .setParameter("rows", rows)
                        .setParameter("sha", sha256)
                        .setParameter("body", body)
                        .getSingleResult())
                .map(v -> ((Number) v).longValue());
    }

    /** Deletes all but the {@code kept} newest exports. */
    public Uni<Integer> prune(int kept) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("delete from training_export where version not in (select version from"
                                + " training_export order by version desc limit :kept)")
                        .setParameter("kept", kept)
                        .executeUpdate());
    }

    /** The kept exports, newest first. */
    public Uni<List<Export>> list() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select version, range_from, range_to, created_at, rows, sha256 from training_export"
                                        + " order by version desc",
                                Object[].class)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Export(
                                ((Number) r[0]).longValue(),
                                instant(r[1]),
                                instant(r[2]),
                                instant(r[3]),
                                ((Number) r[4]).longValue(),
                                (String) r[5]))
                        .toList());
    }

    /** A kept export's body, or null. */
    public Uni<String> body(long version) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("select body from training_export where version = :v", String.class)
                        .setParameter("v", version)
                        .getResultList())
                .map(list -> list.isEmpty() ? null : list.get(0));
    }

    /** The anonymous sessions stitched to the user (their viewer keys are {@code anonymous:<sessionId>}). */
    public Uni<List<String>> stitchedSessions(Mutiny.Session session, String userId) {
        return session.createNativeQuery("select session_id from viewer_session where user_id = :u", String.class)
                .setParameter("u", userId)
                .getResultList();
    }

    /** Every kept export's version and body, oldest first. */
    public Uni<List<Object[]>> bodies(Mutiny.Session session) {
        return session.createNativeQuery("select version, body from training_export order by version", Object[].class)
                .getResultList();
    }

    /** Replaces an export's body, with its row count and SHA-256. */
    public Uni<Integer> rewrite(Mutiny.Session session, long version, String body, long rows, String sha256) {
        return session.createNativeQuery(
                        "update training_export set body = :body, rows = :rows, sha256 = :sha where version = :v")
                .setParameter("body", body)
                .setParameter("rows", rows)
                .setParameter("sha", sha256)
                .setParameter("v", version)
                .executeUpdate();
    }

    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        return value == null ? null : ((java.sql.Timestamp) value).toInstant();
    }
}
