package com.newsmell.profile.calculation;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable copy of a map with {@code String} keys, looked up through a {@link StringTable}: the profile job looks
 * each engaged perfume up in the catalog several times per user, and perfume ids with numeric suffixes collide in a
 * {@code HashMap}'s or {@code ConcurrentHashMap}'s buckets.
 */
public final class StringKeyedMap<V> extends AbstractMap<String, V> {

    private final StringTable keys;
    private final Object[] values;

    public StringKeyedMap(Map<String, ? extends V> source) {
        keys = new StringTable(source.size());
        values = new Object[source.size()];
        source.forEach((key, value) -> values[keys.add(key)] = value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        if (!(key instanceof String k)) {
            return null;
        }
        int number = keys.numberOf(k);
        return number < 0 ? null : (V) values[number];
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String k && keys.numberOf(k) >= 0;
    }

    @Override
    public int size() {
        return keys.size();
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.size();
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<String, V> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int number = next++;
                        return new SimpleImmutableEntry<>(keys.key(number), (V) values[number]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.size();
            }
        };
    }
}
