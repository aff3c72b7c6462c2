package com.newsmell.toolkit.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * Query-parameter parsing for every service's read endpoints. A bad value is a 400 problem (RFC 9457) whose
 * error names the parameter ({@code "parameter"}) and the rule it broke: {@code required}, {@code format} (an
 * instant or a cursor), {@code type} (a number or a boolean), {@code range} or {@code enum}.
 */
public final class QueryParams {

    /** Page sizes of every keyset-paged read API. */
    public static final int DEFAULT_LIMIT = 100;

    public static final int MAX_LIMIT = 1000;

    private QueryParams() {}

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The trimmed value, or null when absent or blank. */
    public static String blankToNull(String s) {
        return blank(s) ? null : s.trim();
    }

    /** An ISO-8601 instant, or null when absent. */
    public static Instant instant(String name, String value) {
        return instant(name, value, null);
    }

    /** The earliest instant any parameter may name (inclusive). */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    /** The latest instant any parameter may name (exclusive). */
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /**
     * An ISO-8601 instant in [1970-01-01, 2100-01-01), or {@code fallback} when absent (ADR 0013: anything outside
     * is a client's mistake, not a query to run).
     */
    public static Instant instant(String name, String value, Instant fallback) {
        if (blank(value)) {
            return fallback;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw bad(name, "format", name + " must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z.");
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw bad(name, "range", name + " must be from 1970-01-01T00:00:00Z to before 2100-01-01T00:00:00Z.");
        }
        return instant;
    }

    public static Instant requiredInstant(String name, String value) {
        if (blank(value)) {
            throw bad(name, "required", name + " is required.");
        }
        return instant(name, value);
    }

    /** Checks from &lt; to when both are given. */
    public static void range(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw bad("to", "range", "to must be after from.");
        }
    }

    /** A whole number in [min, max], or {@code fallback} when absent. */
    public static int integer(String name, String value, int fallback, int min, int max) {
        if (blank(value)) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw bad(name, "type", name + " must be a whole number.");
        }
        if (n < min || n > max) {
            throw bad(name, "range", name + " must be between " + min + " and " + max + ".");
        }
        return n;
    }

    /** A page size: 1 to {@link #MAX_LIMIT}, {@link #DEFAULT_LIMIT} when absent. */
    public static int limit(String value) {
        return integer("limit", value, DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    /** true or false; false when absent. */
    public static boolean bool(String name, String value) {
        if (blank(value)) {
            return false;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(name, "type", name + " must be true or false.");
        };
    }

    /** One of the allowed values (case-sensitive), or {@code fallback} when absent. */
    public static String oneOf(String name, String value, String fallback, Collection<String> allowed) {
        if (blank(value)) {
            return fallback;
        }
        if (!allowed.contains(value.trim())) {
            throw bad(name, "enum", name + " must be one of " + String.join(", ", allowed) + ".");
        }
        return value.trim();
    }

    /** The value mapped from one of the allowed names; {@code fallback} when absent, or required when it is null. */
    public static <T> T oneOf(String name, String value, Map<String, T> allowed, T fallback) {
        if (blank(value)) {
            if (fallback == null) {
                throw bad(name, "required", name + " is required, one of " + String.join(", ", allowed.keySet()) + ".");
            }
            return fallback;
        }
        T mapped = allowed.get(value.trim());
        if (mapped == null) {
            throw bad(name, "enum", name + " must be one of " + String.join(", ", allowed.keySet()) + ".");
        }
        return mapped;
    }

    /**
     * An opaque keyset cursor: the parts of the last row of the previous page (the first an instant), each encoded on
     * its own so that any text (line breaks too) survives.
     */
    public static String encodeCursor(String... parts) {
        StringBuilder raw = new StringBuilder();
        for (String part : parts) {
            if (raw.length() > 0) {
                raw.append('.');
            }
            raw.append(Base64.getUrlEncoder().withoutPadding().encodeToString(part.getBytes(StandardCharsets.UTF_8)));
        }
        return raw.toString();
    }

    /** The cursor's parts (exactly {@code count}, the first an instant), or null without a cursor. */
    public static String[] decodeCursor(String cursor, int count) {
        if (blank(cursor)) {
            return null;
        }
        try {
            String[] encoded = cursor.trim().split("\\.", -1);
            if (encoded.length != count) {
                throw new IllegalArgumentException("parts");
            }
            String[] parts = new String[count];
            for (int i = 0; i < count; i++) {
                parts[i] = new String(Base64.getUrlDecoder().decode(encoded[i]), StandardCharsets.UTF_8);
            }
            Instant.parse(parts[0]);
            return parts;
        } catch (RuntimeException e) {
            throw badCursor();
        }
    }

    /** The 400 for a cursor this API did not return. */
    /** A path parameter that must be a UUID; anything else is a 400 problem on {@code /name}, rule {@code uuid}. */
    public static java.util.UUID pathUuid(String name, String value) {
        try {
            return java.util.UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalidParameter("/" + name, "uuid", name + " must be a UUID"));
        }
    }

    public static ProblemException badCursor() {
        return bad("cursor", "format", "cursor is not one this API returned.");
    }

    public static ProblemException bad(String name, String rule, String detail) {
        return new ProblemException(Problem.invalidQuery(name, rule, detail));
    }
}
