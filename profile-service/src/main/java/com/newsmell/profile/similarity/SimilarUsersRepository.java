package com.newsmell.profile.similarity;

import com.newsmell.profile.rollup.JsonParams;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each user's precomputed most similar users ({@code user_similar}, V11). Callers hold the session. */
@ApplicationScoped
public class SimilarUsersRepository {

    /** One ranked neighbour as stored. */
    public record Ranked(int rank, String otherUserId, double similarity, int schemaVersion, LocalDate asOf) {}

    /**
     * The rows of a chunk of users ({@link NeighbourRows}), one JSON object per user: {@code u} the user, {@code v} the
     * schema version, {@code d} the as-of date, {@code o} the neighbours best first and {@code s} their similarities;
     * rank = position + 1. (bench/similarity-bench writes with the same statements.)
     */
    public static final String INSERT = "insert into user_similar"
            + " (user_id, rank, other_user_id, similarity, schema_version, as_of)"
            + " select r.u, cast(n.rank as integer), n.other, cast(r.s ->> cast(n.rank - 1 as integer) as double"
            + " precision), r.v, r.d from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))"
            + " as r(u text, v integer, d date, o jsonb, s jsonb)"
            + " cross join lateral jsonb_array_elements_text(r.o) with ordinality as n(other, rank)";

    /**
     * Deletes the rows of the users of the jsonb array parameter {@code :users} ({@link JsonParams#textArray}, spelt
     * out so that the statement is a constant).
     */
    public static final String DELETE = "delete from user_similar where user_id = any(array(select"
            + " jsonb_array_elements_text(cast(cast(:users as text) as jsonb))))";

    /** Replaces the neighbours of these users by the rows given (users without rows are left with none). */
    public Uni<Integer> replace(List<String> userIds, String rows) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(DELETE)
                        .setParameter("users", JsonParams.array(userIds))
                        .executeUpdate()
                        .chain(() -> s.createNativeQuery(INSERT)
                                .setParameter("rows", rows)
                                .executeUpdate()));
    }

    /** Removes the neighbours of users who no longer have a vector of the schema version they were ranked in. */
    public Uni<Integer> removeStale() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("delete from user_similar s where not exists (select 1 from"
                                + " user_feature_vector v where v.user_id = s.user_id"
                                + " and v.schema_version = s.schema_version)")
                        .executeUpdate());
    }

    /**
     * Each of these users' neighbours ranked after {@code offset}, at most {@code limit} each, best first, by user (a
     * user without rows is absent): one statement for any number of users ({@code row_number()} per user).
     */
    public Uni<Map<String, List<Ranked>>> ranked(List<String> userIds, int offset, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select user_id, rank, other_user_id, similarity, schema_version, as_of from (select"
                                        + " s.*, row_number() over (partition by user_id order by rank) as n from"
                                        + " user_similar s where user_id = any(" + JsonParams.textArray("users")
                                        + ") and rank > :offset) x where x.n <= :limit order by user_id, rank",
                                Object[].class)
                        .setParameter("users", JsonParams.array(userIds))
                        .setParameter("offset", offset)
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> {
                    Map<String, List<Ranked>> byUser = new HashMap<>();
                    for (Object[] r : rows) {
                        byUser.computeIfAbsent((String) r[0], u -> new ArrayList<>())
                                .add(new Ranked(
                                        ((Number) r[1]).intValue(),
                                        (String) r[2],
                                        ((Number) r[3]).doubleValue(),
                                        ((Number) r[4]).intValue(),
                                        FeatureVectorRepository.localDate(r[5])));
                    }
                    return byUser;
                });
    }
}
