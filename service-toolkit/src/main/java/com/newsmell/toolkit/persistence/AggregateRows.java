package com.newsmell.toolkit.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The create-and-lock half of the one aggregate-write style (ADR 0012), for a repository to call: the aggregate
 * rows that do not exist yet are created race-free ({@code insert … on conflict do nothing}), then all of them are
 * loaded {@code PESSIMISTIC_WRITE} in key order (ADR 0008: no lost update, no deadlock between replicas), and the
 * service folds the events into the managed entities.
 */
public final class AggregateRows {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * One column of a key, in key order.
     *
     * @param column its SQL column
     * @param field its entity field
     * @param value its value in a key
     */
    public record KeyPart<K>(String column, String field, Function<K, ?> value) {

        public KeyPart {
            check(IDENTIFIER, column);
            check(FIELD, field);
        }
    }

    private AggregateRows() {}

    /**
     * Creates the rows of a single-column key that are missing, then loads all of them locked, in key order.
     *
     * @param sortedKeys the keys, sorted (the lock order)
     */
    public static <E> Uni<List<E>> createAndLock(
            Mutiny.Session session, Class<E> entity, String table, String column, String field, List<?> sortedKeys) {
        return createAndLock(
                session, entity, table, List.of(new KeyPart<Object>(column, field, k -> k)), sortedKeys, null);
    }

    /**
     * Creates the rows of a composite key that are missing, then loads them locked in key order. The lock query
     * selects every row whose key columns are each among the keys' values (a superset of the keys, locked in the
     * same order); only the keys' rows are returned.
     *
     * @param parts the key's columns, in key (and lock) order
     * @param sortedKeys the keys, sorted in that order
     * @param keyOf a row's key, to keep only the keys' rows (null for a single-column key: no superset)
     */
    public static <E, K> Uni<List<E>> createAndLock(
            Mutiny.Session session,
            Class<E> entity,
            String table,
            List<KeyPart<K>> parts,
            List<? extends K> sortedKeys,
            Function<E, K> keyOf) {
        if (sortedKeys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String hql = "from " + entity.getSimpleName() + " where "
                + IntStream.range(0, parts.size())
                        .mapToObj(i -> parts.get(i).field() + " in (:k" + i + ")")
                        .collect(Collectors.joining(" and "))
                + " order by " + parts.stream().map(KeyPart::field).collect(Collectors.joining(", "));
        List<List<?>> values = sortedKeys.stream()
                .<List<?>>map(key ->
                        parts.stream().map(part -> part.value().apply(key)).toList())
                .toList();
        return createMissing(session, table, parts.stream().map(KeyPart::column).toList(), values)
                .chain(() -> {
                    var query = session.createSelectionQuery(hql, entity).setLockMode(LockModeType.PESSIMISTIC_WRITE);
                    for (int i = 0; i < parts.size(); i++) {
                        Function<K, ?> value = parts.get(i).value();
                        query.setParameter(
                                "k" + i,
                                sortedKeys.stream().map(value).distinct().toList());
                    }
                    return query.getResultList();
                })
                .map(rows -> {
                    if (keyOf == null) {
                        return rows;
                    }
                    Set<K> keys = Set.copyOf(sortedKeys);
                    return rows.stream()
                            .filter(row -> keys.contains(keyOf.apply(row)))
                            .toList();
                });
    }

    /**
     * Inserts a row with just its key for every key that has none; every other column takes its default.
     *
     * @param table the aggregate's table
     * @param keyColumns its key columns, in the order of each key's values
     * @param keys one list of values per row
     */
    public static Uni<Integer> createMissing(
            Mutiny.Session session, String table, List<String> keyColumns, List<List<?>> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        check(IDENTIFIER, table);
        keyColumns.forEach(column -> check(IDENTIFIER, column));
        int width = keyColumns.size();
        String values = IntStream.range(0, keys.size())
                .mapToObj(row -> IntStream.rangeClosed(1, width)
                        .mapToObj(col -> "?" + (row * width + col))
                        .collect(Collectors.joining(",", "(", ")")))
                .collect(Collectors.joining(","));
        var insert = session.createNativeQuery("insert into " + table + " (" + String.join(",", keyColumns)
                + ") values " + values + " on conflict do nothing");
        for (int row = 0; row < keys.size(); row++) {
            List<?> key = keys.get(row);
            if (key.size() != width) {
                throw new IllegalArgumentException(
                        "a key of " + table + " has " + width + " values, not " + key.size());
            }
            for (int col = 0; col < width; col++) {
                insert.setParameter(row * width + col + 1, key.get(col));
            }
        }
        return insert.executeUpdate();
    }

    private static void check(Pattern pattern, String name) {
        if (!pattern.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
    }
}
