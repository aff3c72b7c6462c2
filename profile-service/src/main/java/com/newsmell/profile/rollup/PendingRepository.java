package com.newsmell.profile.rollup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * The users whose profile the next run recomputes ({@code profile_pending}, V7). A mark carries a sequence number;
 * a run removes a user's mark only if it still holds the number the run read, so a mark made while the run computed
 * the user survives for the next run.
 */
@ApplicationScoped
public class PendingRepository {

    /** A marked user and the number of their latest mark. */
    public record Mark(String userId, long seq) {}

    private static final String MARK = "insert into profile_pending (user_id, seq)"
            + " select user_id, nextval('profile_pending_seq') from (select distinct user_id from %s) s"
            + " on conflict (user_id) do update set seq = excluded.seq";

    /** Marks one user. */
    public Uni<Integer> mark(String userId) {
        return execute(MARK.formatted("(select cast(:user as text) as user_id) u"), "user", userId);
    }

    /** Marks every user who has interacted with this perfume (its catalog entry arrived, changed or was deleted). */
    public Uni<Integer> markUsersOf(String perfumeId) {
        return execute(MARK.formatted("user_perfume where perfume_id = :perfume"), "perfume", perfumeId);
    }

    /**
     * Marks the users whose computed window or history lost days since their profile was computed: they have a day of
     * activity before the new window (history) start that their profile's window (history) still included (every
     * counted event makes a day row).
     */
    public Uni<Integer> markWindowLosses(LocalDate windowStart, LocalDate historyStart) {
        String users = "(select distinct d.user_id from user_day_activity d join user_behavior_profile p"
                + " using (user_id) where (d.day < :ws and d.day >= p.window_start)"
                + " or (d.day < :hs and d.day >= p.history_start)) u";
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(MARK.formatted(users))
                        .setParameter("ws", windowStart)
                        .setParameter("hs", historyStart)
                        .executeUpdate());
    }

    /** How many users are marked. */
    public Uni<Long> count() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("select count(*) from profile_pending", Long.class)
                        .getSingleResult());
    }

    /** The next marked users after {@code afterUserId} (null: from the first), in the primary key's order. */
    public Uni<List<Mark>> next(String afterUserId, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select user_id, seq from profile_pending where user_id > :after"
                                        + " order by user_id limit :limit",
                                Object[].class)
                        .setParameter("after", afterUserId == null ? "" : afterUserId)
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Mark((String) r[0], ((Number) r[1]).longValue()))
                        .toList());
    }

    /** The marks of these users (a user without one is absent). */
    public Uni<List<Mark>> marksOf(List<String> userIds) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select user_id, seq from profile_pending where user_id = any("
                                        + JsonParams.textArray("users") + ")",
                                Object[].class)
                        .setParameter("users", JsonParams.array(userIds))
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Mark((String) r[0], ((Number) r[1]).longValue()))
                        .toList());
    }

    /** Removes the marks that still hold the numbers read. */
    public Uni<Integer> clear(List<Mark> marks) {
        if (marks.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        marks.forEach(m -> rows.addObject().put("user_id", m.userId()).put("seq", m.seq()));
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("delete from profile_pending p using jsonb_to_recordset(cast(cast(:rows"
                                + " as text) as jsonb)) as r(user_id text, seq bigint)"
                                + " where p.user_id = r.user_id and p.seq = r.seq")
                        .setParameter("rows", rows.toString())
                        .executeUpdate());
    }

    private static Uni<Integer> execute(String sql, String name, String value) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql).setParameter(name, value).executeUpdate());
    }
}
