package com.newsmell.toolkit.privacy;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * One step of a service's erasure (ADR 0032), counted under its table group in the acknowledgement (for example
 * {@code sessions}): a native SQL delete or update whose parameter {@code :userId} is the erased user, plus any
 * parameters the service derives from the user id (a keyed pseudonym); or, where SQL alone cannot do it (rewriting a
 * stored export), a piece of code run on the erasure's session and transaction.
 */
public record ErasureStep(
        String tableGroup, String sql, Function<String, Map<String, Object>> parameters, Custom custom) {

    /** A step that is code: answers the rows it changed. */
    @FunctionalInterface
    public interface Custom {
        Uni<Integer> run(Mutiny.Session session, String userId);
    }

    /** A SQL step binding {@code :userId} only. */
    public ErasureStep(String tableGroup, String sql) {
        this(tableGroup, sql, userId -> Map.of(), null);
    }

    /** A SQL step binding {@code :userId} and the parameters derived from it. */
    public static ErasureStep withParameters(
            String tableGroup, String sql, Function<String, Map<String, Object>> parameters) {
        return new ErasureStep(tableGroup, sql, parameters, null);
    }

    /** A step that is code. */
    public static ErasureStep custom(String tableGroup, Custom custom) {
        return new ErasureStep(tableGroup, null, userId -> Map.of(), custom);
    }

    /** Runs the step for the user on the session (in its transaction); answers the rows changed. */
    public Uni<Integer> run(Mutiny.Session session, String userId) {
        if (custom != null) {
            return custom.run(session, userId);
        }
        var query = session.createNativeQuery(sql);
        if (sql.contains(":userId")) {
            query.setParameter("userId", userId);
        }
        parameters.apply(userId).forEach(query::setParameter);
        return query.executeUpdate();
    }
}
