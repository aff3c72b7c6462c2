package com.newsmell.session.web;

import com.newsmell.contract.http.Problem;
import com.newsmell.contract.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/** Query-parameter parsing shared by the read endpoints; every bad value is a 400 problem naming the parameter. */
public final class Params {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private Params() {}

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static String blankToNull(String s) {
        return blank(s) ? null : s.trim();
    }

    public static Instant instant(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.invalidQuery(
                    name, "format", name + " must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z."));
        }
    }

    public static Instant requiredInstant(String name, String value) {
        if (blank(value)) {
            throw new ProblemException(Problem.invalidQuery(name, "required", name + " is required."));
        }
        return instant(name, value);
    }

    /** Checks from < to when both are given. */
    public static void range(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ProblemException(Problem.invalidQuery("to", "range", "to must be after from."));
        }
    }

    public static int limit(String value) {
        return integer("limit", value, DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    public static int integer(String name, String value, int fallback, int min, int max) {
        if (blank(value)) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.invalidQuery(name, "type", name + " must be a whole number."));
        }
        if (n < min || n > max) {
            throw new ProblemException(
                    Problem.invalidQuery(name, "range", name + " must be between " + min + " and " + max + "."));
        }
        return n;
    }

    public static boolean bool(String name, String value) {
        if (blank(value)) {
            return false;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ProblemException(Problem.invalidQuery(name, "type", name + " must be true or false."));
        };
    }

    public static String oneOf(String name, String value, String fallback, List<String> allowed) {
        if (blank(value)) {
            return fallback;
        }
        if (!allowed.contains(value.trim())) {
            throw new ProblemException(
                    Problem.invalidQuery(name, "enum", name + " must be one of " + String.join(", ", allowed) + "."));
        }
        return value.trim();
    }

    /** An opaque keyset cursor: the parts of the last row of the previous page. */
    public static String encodeCursor(String... parts) {
        String raw = String.join("\n", parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor's parts (exactly {@code count}), or null without a cursor. */
    public static String[] decodeCursor(String cursor, int count) {
        if (blank(cursor)) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            String[] parts = raw.split("\n", -1);
            if (parts.length != count) {
                throw new IllegalArgumentException("parts");
            }
            Instant.parse(parts[0]);
            return parts;
        } catch (RuntimeException e) {
            throw new ProblemException(
                    Problem.invalidQuery("cursor", "format", "cursor is not one this API returned."));
        }
    }
}
