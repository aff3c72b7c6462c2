package com.newsmell.profile.calculation;

/**
 * Strings numbered 0, 1, 2, … in the order they were added, looked up by open addressing with a Fibonacci hash (the
 * high bits of {@code hashCode() × 2^32/φ}). Ids such as {@code note-17} and {@code note-170} have {@code String} hash
 * codes in arithmetic progressions, which {@code HashMap} and {@code ConcurrentHashMap} (low bits of the hash) pile
 * into a few buckets and turn into trees; the Fibonacci hash spreads them. Not thread-safe.
 */
public final class StringTable {

    private String[] keys;
    private int[] numbers;
    private String[] byNumber;
    private int size;
    private int shift;

    public StringTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new String[capacity];
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

    /** The key's slot, or the empty slot where it belongs (linear probing). */
    private int slot(String key) {
        int mask = keys.length - 1;
        int slot = (key.hashCode() * 0x9E3779B9) >>> shift;
        while (keys[slot] != null && !keys[slot].equals(key)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldNumbers = numbers;
        keys = new String[oldKeys.length * 2];
        numbers = new int[oldKeys.length * 2];
        shift--;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                numbers[slot] = oldNumbers[i];
            }
        }
    }
}
