package com.newsmell.profile.similarity;

import com.newsmell.profile.rollup.JsonParams;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads the users' feature vectors ({@code user_feature_vector}, written by the vector stage of the daily job; V11
 * repeats its agreed shape). Read-only here. Callers hold the session.
 */
@ApplicationScoped
public class FeatureVectorRepository {

    /** One user's vector as stored: {@code vector} is a JSON array of numbers, each in [0, 1]. */
    public record VectorRow(String userId, int schemaVersion, LocalDate asOf, String vector) {}

    private static final String COLUMNS = "select user_id, schema_version, as_of, vector from user_feature_vector";

    /**
     * The next vectors after {@code afterUserId} (null: from the first) in the primary key's order, only those of
     * {@code schemaVersion} when it is not null.
     */
    public Uni<List<VectorRow>> page(String afterUserId, Integer schemaVersion, int limit) {
        return Panache.getSession()
                .chain(s -> {
                    var query = s.createNativeQuery(
                                    COLUMNS + " where user_id > :after"
                                            + (schemaVersion == null ? "" : " and schema_version = :version")
                                            + " order by user_id limit :limit",
                                    Object[].class)
                            .setParameter("after", afterUserId == null ? "" : afterUserId)
                            .setParameter("limit", limit);
                    if (schemaVersion != null) {
                        query.setParameter("version", schemaVersion);
                    }
                    return query.getResultList();
                })
                .map(FeatureVectorRepository::rows);
    }

    /** The vectors of these users (a user without one is absent). */
    public Uni<List<VectorRow>> of(List<String> userIds) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                COLUMNS + " where user_id = any(" + JsonParams.textArray("users") + ")", Object[].class)
                        .setParameter("users", JsonParams.array(userIds))
                        .getResultList())
                .map(FeatureVectorRepository::rows);
    }

    /** The highest schema version of any stored vector, null when there is none. */
    public Uni<Integer> latestVersion() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("select max(schema_version) from user_feature_vector", Integer.class)
                        .getSingleResultOrNull());
    }

    private static List<VectorRow> rows(List<Object[]> rows) {
        return rows.stream()
                .map(r -> new VectorRow((String) r[0], ((Number) r[1]).intValue(), localDate(r[2]), (String) r[3]))
                .toList();
    }

    /** A date column as the driver gives it. */
    public static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
