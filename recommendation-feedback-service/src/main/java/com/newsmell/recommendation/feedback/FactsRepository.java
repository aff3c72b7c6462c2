package com.newsmell.recommendation.feedback;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.recommendation.feedback.FeedbackFold.Conversion;
import com.newsmell.recommendation.feedback.FeedbackFold.Identity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The ledger's other facts, one statement each per batch (ADR 0012), every one commutative and idempotent: the
 * conversion facts (inserted once by eventId), the sessions' users (the earliest identified event wins) and the days
 * whose rollup must be computed again. Each list is bound as one jsonb parameter.
 */
@ApplicationScoped
public class FactsRepository {

    /** Inserts the conversions not stored yet; returns how many were new. */
    @WithSession
    public Uni<Integer> insertConversions(List<Conversion> conversions) {
        if (conversions.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (Conversion c : conversions) {
            ObjectNode row = rows.addObject()
                    .put("event_id", c.eventId().toString())
                    .put("kind", c.kind())
                    .put("perfume_id", c.perfumeId())
                    .put("user_id", c.userId())
                    .put("session_id", c.sessionId())
                    .put("recommendation_id", c.recommendationId())
                    .put("occurred_at", c.at().toString());
            if (c.rating() != null) {
                row.put("rating", c.rating());
            }
            if (c.anonymousId() != null) {
                row.put("anonymous_id", c.anonymousId());
            }
        }
        return execute(
                "insert into recommendation_conversion (event_id, kind, perfume_id, user_id, session_id,"
                        + " recommendation_id, occurred_at, rating, anonymous_id)"
                        + " select event_id, kind, perfume_id, user_id, session_id, recommendation_id, occurred_at,"
                        + " rating, anonymous_id from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as"
                        + " r(event_id uuid, kind text, perfume_id text, user_id text, session_id text,"
                        + " recommendation_id text, occurred_at timestamptz, rating double precision, anonymous_id"
                        + " text)"
                        + " order by event_id on conflict do nothing",
                rows);
    }

    /**
     * Records each session's user: a session keeps its earliest identified event's user (ties: the smallest
     * userId), so the stitch never depends on arrival order.
     */
    @WithSession
    public Uni<Integer> identify(List<Identity> identities) {
        if (identities.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        identities.forEach(i -> rows.addObject()
                .put("session_id", i.sessionId())
                .put("user_id", i.userId())
                .put("identified_at", i.at().toString()));
        return execute(
                "insert into viewer_session (session_id, user_id, identified_at)"
                        + " select session_id, user_id, identified_at from jsonb_to_recordset(cast(cast(:rows as"
                        + " text) as jsonb)) as r(session_id text, user_id text, identified_at timestamptz)"
                        + " order by session_id"
                        + " on conflict (session_id) do update set user_id = excluded.user_id, identified_at ="
                        + " excluded.identified_at where (excluded.identified_at, excluded.user_id) <"
                        + " (viewer_session.identified_at, viewer_session.user_id)",
                rows);
    }

    /** The advisory-lock namespace of a dirty day (its key: days since 2000-01-01), shared with the daily job. */
    public static final int DIRTY_DAY_LOCK = 2323;

    /**
     * Marks the days whose rollup must be computed again. Each day's advisory lock is taken <em>shared</em>, in day
     * order, until the transaction ends: consumers of other partitions never wait on each other, while the daily
     * job, which takes a day's lock exclusively before it unmarks and reads the day, waits for every transaction that
     * marked the day to commit (so it reads their facts), and a transaction that marks the day after it waits for the
     * job and then leaves a new mark. A day already marked stays as it is ({@code do nothing}).
     */
    @WithSession
    public Uni<Integer> markDirty(Collection<LocalDate> days, Instant now) {
        if (days.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        days.forEach(d -> rows.addObject().put("day", d.toString()));
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into recommendation_dirty_day (day, marked_at)"
                                + " select r.day, cast(:now as timestamptz) from jsonb_to_recordset(cast(cast(:rows as"
                                + " text) as jsonb)) as r(day date) cross join lateral (select"
                                + " pg_advisory_xact_lock_shared(" + DIRTY_DAY_LOCK + ", r.day - date '2000-01-01')) l"
                                + " order by r.day on conflict (day) do nothing")
                        .setParameter("rows", rows.toString())
                        .setParameter("now", now.atOffset(java.time.ZoneOffset.UTC))
                        .executeUpdate());
    }

    private static Uni<Integer> execute(String sql, ArrayNode rows) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql)
                        .setParameter("rows", rows.toString())
                        .executeUpdate());
    }
}
