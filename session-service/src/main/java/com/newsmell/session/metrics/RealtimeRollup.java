package com.newsmell.session.metrics;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes, in the caller's transaction, what a re-fold changed in the rollups: the deltas of the real-time hourly
 * session metrics, and the hours the hourly job must recompute.
 */
@ApplicationScoped
public class RealtimeRollup {

    private static final Comparator<SessionContribution.Key> KEY_ORDER = Comparator.comparing(
                    SessionContribution.Key::bucket)
            .thenComparing(SessionContribution.Key::deviceType)
            .thenComparing(SessionContribution.Key::isBot);

    public Uni<Void> write(
            Mutiny.Session session, Map<SessionContribution.Key, long[]> deltas, TreeSet<Instant> dirty) {
        return applyDeltas(session, deltas).chain(() -> markDirty(session, dirty));
    }

    private Uni<Void> applyDeltas(Mutiny.Session session, Map<SessionContribution.Key, long[]> deltas) {
        List<Map.Entry<SessionContribution.Key, long[]>> rows = deltas.entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(v -> v != 0))
                .sorted(Map.Entry.comparingByKey(KEY_ORDER))
                .toList();
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] columns = SessionContribution.COLUMNS;
        List<String> tuples = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (var row : rows) {
            int base = params.size();
            StringBuilder tuple =
                    new StringBuilder("(cast(?" + (base + 1) + " as timestamptz), ?" + (base + 2) + ", ?" + (base + 3));
            for (int i = 0; i < columns.length; i++) {
                tuple.append(", cast(?").append(base + 4 + i).append(" as bigint)");
            }
            tuples.add(tuple.append(")").toString());
            params.add(utc(row.getKey().bucket()));
            params.add(row.getKey().deviceType());
            params.add(row.getKey().isBot());
            for (long v : row.getValue()) {
                params.add(v);
            }
        }
        String names = String.join(", ", columns);
        String updates = Arrays.stream(columns)
                .map(c -> c + " = session_metrics_hourly." + c + " + excluded." + c)
                .collect(Collectors.joining(", "));
        String sql = "insert into session_metrics_hourly (bucket, device_type, is_bot, " + names + ") values "
                + String.join(", ", tuples) + " on conflict (bucket, device_type, is_bot) do update set " + updates;
        return execute(session, sql, params);
    }

    private Uni<Void> markDirty(Mutiny.Session session, TreeSet<Instant> hours) {
        if (hours.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object> params = new ArrayList<>();
        List<String> tuples = new ArrayList<>();
        for (Instant hour : hours) {
            params.add(utc(hour));
            tuples.add("(cast(?" + params.size() + " as timestamptz))");
        }
        String sql = "insert into rollup_dirty_hour (bucket) values " + String.join(", ", tuples)
                + " on conflict (bucket) do update set version = rollup_dirty_hour.version + 1";
        return execute(session, sql, params);
    }

    static Uni<Void> execute(Mutiny.Session session, String sql, List<Object> params) {
        var query = session.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query.executeUpdate().replaceWithVoid();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
