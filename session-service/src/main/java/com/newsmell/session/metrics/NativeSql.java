package com.newsmell.session.metrics;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** The rollup repositories' native statements: positional parameters, instants bound as timestamptz at UTC. */
final class NativeSql {

    private NativeSql() {}

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Uni<Void> execute(Mutiny.Session session, String sql, List<Object> params) {
        var statement = session.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            statement.setParameter(i + 1, params.get(i));
        }
        return statement.executeUpdate().replaceWithVoid();
    }

    static Uni<List<Object[]>> rows(Mutiny.Session session, String sql, List<Object> params) {
        var query = session.createNativeQuery(sql, Object[].class);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query.getResultList();
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
