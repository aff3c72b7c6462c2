package com.newsmell.contract;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A fast path for the instants the collector writes and most clients send: {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} (UTC,
 * 1 to 9 fractional digits). {@link Instant#parse} builds a {@code Parsed} field map and resolves it per call, which
 * a JFR profile of the collector showed among its hottest frames (four instants per event, parsed again by every
 * consumer). Anything else (another layout, an offset, a leap second, a value out of range) is left to
 * {@link Instant#parse}: this parser answers only where it gives exactly what {@code Instant.parse} gives. Pure.
 */
final class CanonicalInstant {

    private static final int[] NANO_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private CanonicalInstant() {}

    /** The instant, or null when {@code text} is not in the canonical form (then ask {@link Instant#parse}). */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20
                || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            int value = digits(text, 20, fraction);
            if (value < 0) {
                return null;
            }
            nanos = value * NANO_SCALE[fraction];
        }
        LocalDate date = LocalDate.of(year, month, 1);
        if (day > date.lengthOfMonth()) {
            return null;
        }
        long epochDay = date.toEpochDay() + day - 1;
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /**
     * {@code instant.toString()}, without its formatter: {@code yyyy-MM-ddTHH:mm:ss[.fff[fff[fff]]]Z}, the fraction in
     * groups of three digits as {@link java.time.format.DateTimeFormatter#ISO_INSTANT} prints it. Years outside
     * 0000–9999 are left to {@code Instant.toString}. A JFR profile of the collector showed {@code Instant.toString}
     * allocating about 5 KB per event (four instants each), the largest part of writing an event.
     */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long epochDay = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        if (epochDay < MIN_EPOCH_DAY || epochDay > MAX_EPOCH_DAY) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int nanos = instant.getNano();
        char[] out = new char[nanos == 0 ? 20 : nanos % 1_000_000 == 0 ? 24 : nanos % 1_000 == 0 ? 27 : 30];
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3_600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        if (out.length > 20) {
            out[19] = '.';
            int digits = out.length - 21;
            put(out, 20, nanos / NANO_SCALE[digits], digits);
        }
        out[out.length - 1] = 'Z';
        return new String(out);
    }

    private static final long MIN_EPOCH_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long MAX_EPOCH_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    /** Writes {@code value} as {@code count} decimal digits, zero-padded, from {@code at}. */
    private static void put(char[] out, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The decimal value of {@code count} ASCII digits from {@code from}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
