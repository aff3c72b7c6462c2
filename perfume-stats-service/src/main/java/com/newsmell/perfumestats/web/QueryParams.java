package com.newsmell.perfumestats.web;

import com.newsmell.contract.http.Problem;
import com.newsmell.contract.http.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Parses query parameters; a bad one is a 400 problem naming it. */
public final class QueryParams {

    private QueryParams() {}

    public static int integer(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw bad(name, "range", name + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw bad(name, "integer", name + " must be an integer, got '" + raw + "'");
        }
    }

    public static Instant instant(String name, String raw, Instant fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw bad(
                    name,
                    "date-time",
                    name + " must be an ISO-8601 instant (e.g. 2025-01-31T00:00:00Z), got '" + raw + "'");
        }
    }

    /** One of the allowed values (case-sensitive); {@code fallback} when absent, or required when it is null. */
    public static <T> T oneOf(String name, String raw, Map<String, T> allowed, T fallback) {
        if (raw == null || raw.isBlank()) {
            if (fallback == null) {
                throw bad(name, "required", name + " is required, one of " + allowed.keySet());
            }
            return fallback;
        }
        T value = allowed.get(raw.trim());
        if (value == null) {
            throw bad(name, "enum", name + " must be one of " + allowed.keySet() + ", got '" + raw + "'");
        }
        return value;
    }

    public static ProblemException bad(String name, String rule, String detail) {
        return new ProblemException(Problem.invalidQuery(name, rule, detail));
    }
}
