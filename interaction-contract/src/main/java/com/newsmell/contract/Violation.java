package com.newsmell.contract;

import java.util.Objects;

/**
 * One validation failure.
 *
 * @param pointer RFC 6901 JSON pointer relative to the event object, e.g. {@code /eventData/ratings/overall};
 *     the empty string designates the event object itself
 * @param rule short machine name of the violated rule; one of the {@code RULE_*} constants
 * @param message human readable explanation
 */
public record Violation(String pointer, String rule, String message) {

    public static final String RULE_REQUIRED = "required";
    public static final String RULE_TYPE = "type";
    public static final String RULE_ENUM = "enum";
    public static final String RULE_RANGE = "range";
    public static final String RULE_FORMAT = "format";
    public static final String RULE_MISMATCH = "mismatch";
    /** A member that the type does not define (the perfume catalog's strict types refuse it). */
    public static final String RULE_UNKNOWN = "unknown";

    public static final String RULE_MAX_SIZE = "max-size";
    public static final String RULE_MAX_DEPTH = "max-depth";
    public static final String RULE_MAX_LENGTH = "max-length";
    /** A string holds a NUL character, which PostgreSQL refuses in text (ADR 0014). */
    public static final String RULE_NO_NUL = "no-nul";
    /** A string holds a lone UTF-16 surrogate, which has no UTF-8 encoding (ADR 0014). */
    public static final String RULE_UTF_16 = "utf-16";

    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** Escapes one reference token per RFC 6901 ({@code ~} → {@code ~0}, {@code /} → {@code ~1}). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    @Override
    public String toString() {
        return pointer + " [" + rule + "] " + message;
    }
}
