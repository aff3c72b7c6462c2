package com.newsmell.profile.calculation;

/**
 * Strings numbered 0, 1, 2, … in the order they were added, looked up by open addressing with a Fibonacci hash (the
 * high bits of {@code hashCode() × 2^32/φ}). Ids such as {@code note-17} and {@code note-170} have {@code String} hash
 * codes in arithmetic progressions, which {@code HashMap} and {@code ConcurrentHashMap} (low bits of the hash) pile
 * into a few buckets and turn into trees; the Fibonacci hash spreads them. Not thread-safe.
 */
public final class StringTable {

    private String[] keys;
    private int[] hashes;
    private int[] numbers;
    private String[] byNumber;
    private int size;
    private int shift;

    public StringTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new String[capacity];
        hashes = new int[capacity];
        numbers = new int[capacity];
        byNumber = new String[Math.max(8, expected)];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    /** The key's number, or -1 when it was never added. */
    public int numberOf(String key) {
        int slot = slot(key);
        return keys[slot] == null ? -1 : numbers[slot];
    }

    /** The key's number, adding the key (with the next number) when it is new. */
    public int add(String key) {
        int slot = slot(key);
        if (keys[slot] != null) {
            return numbers[slot];
        }
        int number = size++;
        keys[slot] = key;
        hashes[slot] = key.hashCode();
        numbers[slot] = number;
        if (number == byNumber.length) {
            byNumber = java.util.Arrays.copyOf(byNumber, number * 2);
        }
        byNumber[number] = key;
        if (size * 2 > keys.length) {
            grow();
        }
        return number;
    }

    /** The key numbered so. */
    public String key(int number) {
        return byNumber[number];
    }

    public int size() {
        return size;
    }

    /**
     * The key's slot, or the empty slot where it belongs (linear probing). A slot's key is compared only when its
     * stored hash code equals the key's, and by identity first: the keys' characters live elsewhere in the heap, and
     * reading them for every probe was the job's hottest spot in a profile.
     */
    private int slot(String key) {
        int mask = keys.length - 1;
        int hash = key.hashCode();
        int slot = (hash * 0x9E3779B9) >>> shift;
        for (String k = keys[slot]; k != null; k = keys[slot]) {
            if (hashes[slot] == hash && (k == key || k.equals(key))) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldNumbers = numbers;
        keys = new String[oldKeys.length * 2];
        hashes = new int[oldKeys.length * 2];
        numbers = new int[oldKeys.length * 2];
        shift--;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                hashes[slot] = oldHashes[i];
                numbers[slot] = oldNumbers[i];
            }
        }
    }
}
